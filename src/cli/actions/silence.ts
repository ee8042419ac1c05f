import {
  acknowledgeTarget,
  describeDestination,
  destinationsOf,
  listSilences,
  type Notification,
  planDeliveries,
  readState,
  silenceTarget,
  unsilenceTarget,
} from '../../alerts/index.js';
import { alertSettings } from '../../alerts/settings.js';
import type { PipelineContext } from '../../context/context.js';
import { createContext } from '../../context/createContext.js';
import { UsageError } from '../../domain/errors.js';
import { inlineDeliveries } from '../../runners/inlineDeliveries.js';
import { loadTargets, targetsPath } from '../../targets/load.js';
import { parseAsOf } from '../../time/asOf.js';
import { type CommandKind, loadCommandConfig } from '../loadCommandConfig.js';
import { operatorName } from '../operator.js';

export interface StoreOptions {
  config?: string;
  store?: string;
  json?: boolean;
}

async function withContext(
  options: StoreOptions,
  body: (ctx: PipelineContext) => Promise<void>,
  kind: CommandKind = 'store',
): Promise<void> {
  const loaded = loadCommandConfig(options, kind);
  const ctx = await createContext(loaded);
  try {
    await body(ctx);
  } finally {
    await ctx.store.close();
  }
}

function knownTarget(ctx: PipelineContext, id: string): string {
  const { targets, file } = loadTargets(targetsPath(ctx.config.targets, ctx.baseDir));
  if (!targets.some((t) => t.id === id)) throw new UsageError(`no target ${id} in ${file}`, { target: id });
  return id;
}

/** `dte alerts silence`. */
export const silenceAction = (target: string, options: StoreOptions & { until: string; reason: string }) =>
  withContext(options, async (ctx) => {
    const record = await silenceTarget(ctx.store, knownTarget(ctx, target), {
      until: parseAsOf(options.until, '--until'),
      reason: options.reason,
      by: operatorName(),
      at: new Date().toISOString(),
    });
    process.stdout.write(
      options.json
        ? `${JSON.stringify(record, null, 2)}\n`
        : `silenced ${target} through ${options.until}: ${options.reason}\n`,
    );
  });

/** `dte alerts unsilence`. */
export const unsilenceAction = (target: string, options: StoreOptions) =>
  withContext(options, async (ctx) => {
    const record = await unsilenceTarget(ctx.store, knownTarget(ctx, target));
    process.stdout.write(
      options.json ? `${JSON.stringify(record, null, 2)}\n` : `${target} is no longer silenced\n`,
    );
  });

/** `dte alerts ack`. */
export const ackAction = (target: string, options: StoreOptions & { note: string }) =>
  withContext(options, async (ctx) => {
    const record = await acknowledgeTarget(ctx.store, await readState(ctx), knownTarget(ctx, target), {
      by: operatorName(),
      at: new Date().toISOString(),
      note: options.note,
    });
    const states = Object.entries(record.ack?.states ?? {}).map(([k, v]) => `${k}=${v}`);
    process.stdout.write(
      options.json
        ? `${JSON.stringify(record, null, 2)}\n`
        : `acknowledged ${target}: ${states.join(', ')}\n`,
    );
  });

/** `dte alerts silences`. */
export const silencesAction = (options: StoreOptions) =>
  withContext(options, async (ctx) => {
    const records = await listSilences(ctx.store);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
      return;
    }
    for (const r of records) {
      const s = r.silence
        ? `silenced through ${r.silence.until} (${r.silence.reason}, ${r.silence.by})`
        : '-';
      const a = r.ack ? `acknowledged ${Object.values(r.ack.states).join('/')} by ${r.ack.by}` : '-';
      process.stdout.write(`${r.target_id}\t${s}\t${a}\n`);
    }
  });

/** `dte alerts test`: one test notification to every destination of a route. */
export const alertsTestAction = (options: StoreOptions & { ops?: boolean }) =>
  withContext(
    options,
    async (ctx) => {
      const now = new Date().toISOString();
      const notification: Notification = {
        id: `test-${now.replace(/[^0-9]/g, '')}`,
        key: 'test',
        kind: options.ops ? 'run_failed' : 'behind',
        event: 'firing',
        state: 'test',
        as_of: now.slice(0, 10),
        text: '[Thử nghiệm] Kênh cảnh báo của dte-pipeline hoạt động. / [Test] dte-pipeline alert channel works.',
        link: null,
        evaluation: {},
      };
      const names = new Map(
        destinationsOf(notification, null, alertSettings(ctx.config.alerts)).map((d) => [
          d.id,
          describeDestination(d),
        ]),
      );
      const deliveries = planDeliveries(ctx, [notification]);
      const { failed } = await inlineDeliveries.dispatch(ctx, deliveries);
      const results = deliveries.map((d) => {
        const error = failed.find((f) => f.destination === d.destination)?.error;
        return {
          destination: d.destination,
          to: names.get(d.destination),
          ok: !error,
          error: error ?? null,
        };
      });
      process.stdout.write(
        options.json
          ? `${JSON.stringify(results, null, 2)}\n`
          : results.map((r) => `${r.ok ? 'sent' : 'FAILED'} ${r.to}${r.ok ? '' : `: ${r.error}`}\n`).join(''),
      );
      if (results.some((r) => !r.ok)) process.exitCode = 1;
    },
    'channels',
  );
