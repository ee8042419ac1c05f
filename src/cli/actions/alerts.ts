import { describeSent, evaluateTargets, listSentNotifications } from '../../alerts/index.js';
import { createContext } from '../../context/createContext.js';
import { NotFoundError } from '../../domain/errors.js';
import { readCurrent, readLatest } from '../../snapshot/catalog.js';
import { parseAsOf } from '../../time/asOf.js';
import { loadCommandConfig } from '../loadCommandConfig.js';

const pad = (v: string, n: number) => (v.length >= n ? v : v + ' '.repeat(n - v.length));
const fmt = (v: number | null | undefined) =>
  v === null || v === undefined ? '-' : String(Math.round(v * 100) / 100);

export interface AlertsListOptions {
  asOf?: string;
  config?: string;
  store?: string;
  json?: boolean;
}

/** `dte alerts list`: every target evaluated on a snapshot. */
export async function alertsListAction(options: AlertsListOptions): Promise<void> {
  const loaded = loadCommandConfig(options, 'store');
  const ctx = await createContext(loaded);
  try {
    const asOf = options.asOf ? parseAsOf(options.asOf) : (await readLatest(ctx.store))?.as_of;
    if (!asOf) throw new NotFoundError(`no published snapshot in ${ctx.store.url}`);
    if (options.asOf && !(await readCurrent(ctx.store, asOf)))
      throw new NotFoundError(`no published snapshot for ${asOf} in ${ctx.store.url}`, { asOf });
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
}

/** `dte alerts sent`: the recorded notifications and where they went. */
export async function alertsSentAction(options: AlertsListOptions): Promise<void> {
  const loaded = loadCommandConfig(options, 'store');
  const ctx = await createContext(loaded);
  try {
    const sent = await listSentNotifications(ctx.store, options.asOf ? parseAsOf(options.asOf) : undefined);
    process.stdout.write(options.json ? `${JSON.stringify(sent, null, 2)}\n` : describeSent(sent));
  } finally {
    await ctx.store.close();
  }
}
