import type { Command } from 'commander';
import type { AlertsListOptions } from '../actions/alerts.js';
import type { StoreOptions } from '../actions/silence.js';

const common = (c: Command) =>
  c
    .option('--config <file>', 'config file (YAML or JSON); default $DTE_CONFIG')
    .option('--store <url>', 'object store (default $DTE_STORE or the config)')
    .option('--json', 'print as JSON');

const alertsActions = () => import('../actions/alerts.js');
const silenceActions = () => import('../actions/silence.js');

export function registerAlertsCommands(program: Command): void {
  const alerts = program
    .command('alerts')
    .description('plan targets: evaluations, alert state, test notifications');
  common(
    alerts
      .command('list')
      .description('every target on a snapshot: actual, expected, gap, status, projection')
      .option('--as-of <date>', 'as-of date (default: the latest snapshot)'),
  ).action(async (options: AlertsListOptions) => (await alertsActions()).alertsListAction(options));
  common(
    alerts
      .command('sent')
      .description('every recorded notification and where it went (delivered, failed, or not sent and why)')
      .option('--as-of <date>', 'only the notifications of this as-of date'),
  ).action(async (options: AlertsListOptions) => (await alertsActions()).alertsSentAction(options));
  common(
    alerts
      .command('test')
      .description("send one test notification to every destination of the default route (or --ops's)")
      .option('--ops', 'the ops route instead of leadership'),
  ).action(async (options: StoreOptions & { ops?: boolean }) =>
    (await silenceActions()).alertsTestAction(options),
  );
  common(
    alerts
      .command('silence <target>')
      .description("record a target's notifications in history but do not send them, through a date")
      .requiredOption('--until <date>', 'last as-of date silenced (yyyy-MM-dd)')
      .requiredOption('--reason <text>', 'why, shown on the page'),
  ).action(async (target: string, options: StoreOptions & { until: string; reason: string }) =>
    (await silenceActions()).silenceAction(target, options),
  );
  common(alerts.command('unsilence <target>').description("end a target's silence")).action(
    async (target: string, options: StoreOptions) =>
      (await silenceActions()).unsilenceAction(target, options),
  );
  common(
    alerts
      .command('ack <target>')
      .description("acknowledge a target's open alerts: no repeats until its state changes")
      .option('--note <text>', 'a note shown on the page', ''),
  ).action(async (target: string, options: StoreOptions & { note: string }) =>
    (await silenceActions()).ackAction(target, options),
  );
  common(alerts.command('silences').description('every silence and acknowledgement')).action(
    async (options: StoreOptions) => (await silenceActions()).silencesAction(options),
  );
}
