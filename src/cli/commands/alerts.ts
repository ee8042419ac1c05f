import type { Command } from 'commander';
import { describeSent, evaluateTargets, listSentNotifications } from '../../alerts/index.js';
import { createContext } from '../../context/createContext.js';
import { NotFoundError } from '../../domain/errors.js';
import { readLatest } from '../../snapshot/catalog.js';
import { parseAsOf } from '../../time/asOf.js';
import { loadCommandConfig } from '../loadCommandConfig.js';
import { registerAlertsTestCommand, registerSilenceCommands } from './silence.js';

const pad = (v: string, n: number) => (v.length >= n ? v : v + ' '.repeat(n - v.length));
const fmt = (v: number | null | undefined) =>
  v === null || v === undefined ? '-' : String(Math.round(v * 100) / 100);

export function registerAlertsCommands(program: Command): void {
  const alerts = program
    .command('alerts')
    .description('plan targets: evaluations, alert state, test notifications');
  alerts
    .command('list')
    .description('every target on a snapshot: actual, expected, gap, status, projection')
    .option('--as-of <date>', 'as-of date (default: the latest snapshot)')
    .option('--config <file>', 'config file (YAML or JSON); default $DTE_CONFIG')
    .option('--store <url>', 'object store (default $DTE_STORE or the config)')
    .option('--json', 'print as JSON')
    .action(async (options: { asOf?: string; config?: string; store?: string; json?: boolean }) => {
      const loaded = loadCommandConfig(options, 'store');
      const ctx = await createContext(loaded);
      try {
        const asOf = options.asOf ? parseAsOf(options.asOf) : (await readLatest(ctx.store))?.as_of;
        if (!asOf) throw new NotFoundError(`no published snapshot in ${ctx.store.url}`);
        const evaluations = await evaluateTargets(ctx, asOf);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(evaluations, null, 2)}\n`);
          return;
        }
        process.stdout.write(
          `Targets on ${asOf}\n${pad('target', 26)}${pad('territory', 20)}${pad('actual', 8)}${pad('expected', 10)}${pad('gap %', 8)}${pad('status', 12)}projection\n`,
        );
        for (const e of evaluations) {
          const p = e.projection;
          const projection = p
            ? `${fmt(p.projected_value_next)} at ${p.next.date} (target ${p.next.value})${p.projected_miss ? ' MISS' : ''}${p.projected_date ? `, reached ${p.projected_date}` : ''}`
            : '-';
          const coverage =
            e.coverage_pct !== null && e.coverage_pct < 100 ? ` [coverage ${fmt(e.coverage_pct)}%]` : '';
          process.stdout.write(
            `${pad(e.target_id, 26)}${pad(e.territory_name, 20)}${pad(fmt(e.actual), 8)}${pad(fmt(e.expected), 10)}${pad(fmt(e.gap_pct), 8)}${pad(e.status, 12)}${projection}${coverage}\n`,
          );
        }
      } finally {
        await ctx.store.close();
      }
    });
  alerts
    .command('sent')
    .description('every recorded notification and where it went (delivered, failed, or not sent and why)')
    .option('--as-of <date>', 'only the notifications of this as-of date')
    .option('--config <file>', 'config file (YAML or JSON); default $DTE_CONFIG')
    .option('--store <url>', 'object store (default $DTE_STORE or the config)')
    .option('--json', 'print as JSON')
    .action(async (options: { asOf?: string; config?: string; store?: string; json?: boolean }) => {
      const loaded = loadCommandConfig(options, 'store');
      const ctx = await createContext(loaded);
      try {
        const sent = await listSentNotifications(
          ctx.store,
          options.asOf ? parseAsOf(options.asOf) : undefined,
        );
        process.stdout.write(options.json ? `${JSON.stringify(sent, null, 2)}\n` : describeSent(sent));
      } finally {
        await ctx.store.close();
      }
    });
  registerAlertsTestCommand(alerts);
  registerSilenceCommands(alerts);
}
