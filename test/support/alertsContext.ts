import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { stringify } from 'yaml';
import { configSchema } from '../../src/config/schema.js';
import type { PipelineContext } from '../../src/context/context.js';
import { inlineDeliveries } from '../../src/runners/inlineDeliveries.js';
import { afterPublish } from '../../src/stages/afterPublish.js';
import { LocalStore } from '../../src/store/localStore.js';
import { tempDir } from './pipelineContext.js';

/** A Thanh Hóa (38) target expecting a flat `value` active DTEs through 2025, with optional extras. */
export function flatTarget(id: string, value: number, extra: Record<string, unknown> = {}) {
  return {
    id,
    title: `Phát triển ${value} doanh nghiệp công nghệ số`,
    source: { plan: 'Kế hoạch thử', number: '1', date: '2025-01-01' },
    territory: { province: '38' },
    metric: 'dte_active',
    baseline: { date: '2025-01-01', value },
    start: '2025-01-01',
    points: [{ date: '2025-12-31', value }],
    ...extra,
  };
}

export interface AlertsTestContext {
  ctx: PipelineContext;
  dir: string;
  /** Every log line written, as text, to check that no secret reaches the logs. */
  logs: string[];
}

/** A context on a fresh local store with the given targets and `alerts` block, logging into `logs`. */
export async function alertsContext(
  alerts: Record<string, unknown>,
  targets: unknown[] = [flatTarget('flat-100', 100)],
): Promise<AlertsTestContext> {
  const dir = await tempDir('dte-channels-');
  const file = path.join(dir, 'targets.yaml');
  await writeFile(file, stringify({ version: 1, targets }));
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  return {
    ctx: {
      store: new LocalStore(path.join(dir, 'store')),
      logger: pino({ level: 'debug' }, sink),
      config: configSchema.parse({ targets: file, alerts }),
      baseDir: dir,
      codeVersion: 'test',
    },
    dir,
    logs,
  };
}

/** The after-publish sequence of a date with inline deliveries, as `dte run` follows it. */
export async function alertsInline(ctx: PipelineContext, asOf: string) {
  const outcome = await afterPublish(ctx, asOf, inlineDeliveries);
  return {
    notifications: outcome.notifications,
    delivered: outcome.deliveries.dispatched,
    failed: outcome.deliveries.failed,
  };
}
