import path from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { evaluateAlerts } from '../../src/alerts/index.js';
import { configSchema } from '../../src/config/schema.js';
import type { PipelineContext } from '../../src/context/context.js';
import { readAll } from '../../src/store/bodies.js';
import { LocalStore } from '../../src/store/localStore.js';
import { publishFake, writeFlatTarget } from '../support/fakeSnapshot.js';
import { tempDir } from '../support/pipelineContext.js';

async function context(alerts: Record<string, unknown> = {}): Promise<PipelineContext> {
  const dir = await tempDir('dte-alerts-');
  return {
    store: new LocalStore(path.join(dir, 'store')),
    logger: pino({ level: 'silent' }),
    config: configSchema.parse({ targets: await writeFlatTarget(dir), alerts }),
    baseDir: dir,
    codeVersion: 'test',
  };
}

const series: Array<[string, number]> = [
  ['2025-01-31', 100], // on track: nothing to say
  ['2025-02-28', 95], // behind: firing
  ['2025-03-03', 94], // still behind, 3 days later: no repeat yet
  ['2025-03-31', 80], // critical: escalated
  ['2025-04-10', 80], // still critical 10 days later: repeat (interval 7)
  ['2025-04-30', 100], // back on track: resolved
];

describe('alert lifecycle over a series of snapshots', () => {
  it('notifies on every change of state and on repeats after the interval, and a replay sends nothing', async () => {
    const ctx = await context();
    const sent: string[] = [];
    for (const [asOf, dte] of series) {
      await publishFake(ctx.store, asOf, dte);
      const { notifications } = await evaluateAlerts(ctx, { as_of: asOf });
      for (const n of notifications.filter((x) => x.key.endsWith(':level')))
        sent.push(`${asOf} ${n.event} ${n.state}`);
    }
    expect(sent).toEqual([
      '2025-02-28 firing behind',
      '2025-03-31 escalated critical',
      '2025-04-10 repeat critical',
      '2025-04-30 resolved ok',
    ]);
    for (const [asOf] of series)
      expect((await evaluateAlerts(ctx, { as_of: asOf })).notifications).toEqual([]);
    const history = (await readAll(await ctx.store.get('alerts/history/2025-03-31.ndjson')))
      .toString()
      .trim()
      .split('\n');
    expect(history.map((l) => JSON.parse(l).event)).toContain('escalated');
  });

  it('gives every notification a deterministic id and a Vietnamese text by default, English by config', async () => {
    const vi = await context();
    const en = await context({ language: 'en' });
    for (const ctx of [vi, en]) {
      await publishFake(ctx.store, '2025-01-31', 100);
      await evaluateAlerts(ctx, { as_of: '2025-01-31' });
      await publishFake(ctx.store, '2025-02-28', 95);
    }
    const [a] = (await evaluateAlerts(vi, { as_of: '2025-02-28' })).notifications.filter((n) =>
      n.key.endsWith(':level'),
    );
    const [b] = (await evaluateAlerts(en, { as_of: '2025-02-28' })).notifications.filter((n) =>
      n.key.endsWith(':level'),
    );
    expect(a?.id).toBe(b?.id);
    expect(a?.text).toContain('chậm tiến độ');
    expect(a?.text).toContain('Thanh Hóa');
    expect(b?.text).toContain('behind');
  });

  it('raises reject_rate and feed_stale from the manifests', async () => {
    const ctx = await context({ reject_rate_pct: 1, stale_after_hours: 36 });
    ctx.config.feeds = configSchema.parse({
      feeds: [
        { id: 'national', format: 'vn-dkkd-csv', source: { type: 'file', path: '/x' } },
        { id: 'quiet', format: 'ndjson', source: { type: 'file', path: '/y' } },
      ],
    }).feeds;
    await publishFake(ctx.store, '2025-01-31', 100, { rejected: 5 });
    const kinds = (await evaluateAlerts(ctx, { as_of: '2025-01-31' })).notifications.map(
      (n) => `${n.kind} ${n.key}`,
    );
    expect(kinds).toContain('reject_rate feed:national:reject_rate');
    expect(kinds).toContain('feed_stale feed:quiet:stale');
    expect(kinds).not.toContain('feed_stale feed:national:stale');
  });
});
