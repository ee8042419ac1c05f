import type { AlertChannel, Destination } from './types.js';

type LogDestination = Extract<Destination, { channel: 'log' }>;

/** One structured pino line per notification: always on, so that every alert is in the logs. */
export const logChannel: AlertChannel<LogDestination> = {
  name: 'log',
  describe: () => 'log',
  async send(notification, _destination, { ctx }) {
    ctx.logger.warn(
      {
        alert: {
          id: notification.id,
          key: notification.key,
          kind: notification.kind,
          event: notification.event,
          state: notification.state,
          asOf: notification.as_of,
        },
        text: notification.text,
      },
      'alert',
    );
    return 'logged';
  },
};
