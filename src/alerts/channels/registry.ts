import { emailChannel } from './email.js';
import { logChannel } from './log.js';
import type { AlertChannel, ChannelName, Destination } from './types.js';
import { webhookChannel } from './webhook.js';
import { zaloChannel } from './zalo.js';

const CHANNELS: { [K in ChannelName]: AlertChannel<Extract<Destination, { channel: K }>> } = {
  log: logChannel,
  webhook: webhookChannel,
  email: emailChannel,
  zalo: zaloChannel,
};

/** The channel that serves a destination, typed to it. */
export function channelOf<D extends Destination>(destination: D): AlertChannel<D> {
  return CHANNELS[destination.channel] as unknown as AlertChannel<D>;
}
