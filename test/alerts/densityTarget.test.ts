import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { evaluateAlerts } from '../../src/alerts/index.js';
import { configSchema } from '../../src/config/schema.js';
import type { PipelineContext } from '../../src/context/context.js';
import { LocalStore } from '../../src/store/localStore.js';
import { loadTargets } from '../../src/targets/load.js';
import { targetSchema } from '../../src/targets/schema.js';
import { publishFake } from '../support/fakeSnapshot.js';
import { tempDir } from '../support/pipelineContext.js';

const densityTarget = {
  id: 'vn-density',
  title: 'Một doanh nghiệp công nghệ số trên 1.000 dân',
  source: { plan: 'Nghị quyết thử', number: '71/NQ-CP', date: '2025-01-01' },
  territory: { nation: true },
  indicator: 'dte_per_1000_people',
  baseline: { date: '2025-01-01', value: 1 },
  start: '2025-01-01',
  points: [{ date: '2025-12-31', value: 1 }],
};

async function context(language: 'vi' | 'en' = 'vi'): Promise<PipelineContext> {
  const dir = await tempDir('dte-density-');
  const targets = path.join(dir, 'targets.yaml');
  await writeFile(targets, stringify({ version: 1, targets: [densityTarget] }));
  return {
    store: new LocalStore(path.join(dir, 'store')),
    logger: pino({ level: 'silent' }),
    config: configSchema.parse({ targets, alerts: { language } }),
    baseDir: dir,
    codeVersion: 'test',
  };
}

describe('a target on DTEs per 1,000 people', () => {
  it('moves through its statuses on the national density and writes the unit in every text', async () => {
    const ctx = await context();
    const seen: string[] = [];
    const texts: string[] = [];
    for (const [asOf, density] of [
      ['2025-01-31', 1], // on track
      ['2025-02-28', 0.95], // 5 % under: behind (tolerance 2, critical 15)
      ['2025-03-31', 0.84], // 16 % under: critical
      ['2025-04-30', 0.99], // within tolerance again: resolved
    ] as const) {
      await publishFake(ctx.store, asOf, 500, { density });
      const { evaluations, notifications } = await evaluateAlerts(ctx, { as_of: asOf });
      const e = evaluations.find((x) => x.target_id === 'vn-density')!;
      seen.push(`${asOf} ${e.status} ${e.actual} ${e.territory_name}`);
      for (const n of notifications.filter((x) => x.key.endsWith(':level'))) texts.push(n.text);
    }
    expect(seen).toEqual([
      '2025-01-31 on_track 1 Việt Nam',
      '2025-02-28 behind 0.95 Việt Nam',
      '2025-03-31 critical 0.84 Việt Nam',
      '2025-04-30 on_track 0.99 Việt Nam',
    ]);
    expect(texts).toHaveLength(3);
    expect(texts[1]).toContain('có 0,84 DN/1.000 dân, kỳ vọng 1 DN/1.000 dân');
    expect(texts.join('\n')).not.toContain('doanh nghiệp, kỳ vọng');
  });

  it('writes the density in English by config', async () => {
    const ctx = await context('en');
    await publishFake(ctx.store, '2025-01-31', 500, { density: 1 });
    await publishFake(ctx.store, '2025-02-28', 500, { density: 0.84 });
    await evaluateAlerts(ctx, { as_of: '2025-01-31' });
    const { notifications } = await evaluateAlerts(ctx, { as_of: '2025-02-28' });
    const text = notifications.find((n) => n.key.endsWith(':level'))!.text;
    expect(text).toContain('0.84 DTEs per 1,000 people on 28 Feb 2025, expected 1 DTEs per 1,000 people');
  });

  it('has no value on a snapshot without a population figure', async () => {
    const ctx = await context();
    await publishFake(ctx.store, '2025-01-31', 500, { density: null });
    const { evaluations } = await evaluateAlerts(ctx, { as_of: '2025-01-31' });
    expect(evaluations[0]!.status).toBe('no_data');
  });
});

describe('targets on any indicator and territory', () => {
  it('reads indicator (or the older metric) and a national territory', () => {
    const t = targetSchema.parse(densityTarget);
    expect(t.metric).toBe('dte_per_1000_people');
    expect(t.territory).toEqual({ nation: true });
    const old = targetSchema.parse({ ...densityTarget, indicator: undefined, metric: 'dte_share_pct' });
    expect(old.metric).toBe('dte_share_pct');
  });

  it('refuses both names at once, an unknown indicator, and a territory with two kinds', () => {
    const issues = (value: unknown) => {
      const r = targetSchema.safeParse(value);
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(issues({ ...densityTarget, metric: 'dte_active' })).toContain('indicator');
    expect(issues({ ...densityTarget, indicator: 'dte_per_person' })).toContain('indicator');
    expect(issues({ ...densityTarget, territory: { nation: true, province: '38' } })).toContain('territory');
    expect(issues({ ...densityTarget, territory: { nation: false } })).toContain('territory');
  });

  it('ships the national target of Resolution 71/NQ-CP in fixtures/targets.yaml', () => {
    const { targets } = loadTargets(path.resolve('fixtures/targets.yaml'));
    const national = targets.find((t) => 'nation' in t.territory);
    expect(national).toMatchObject({
      metric: 'dte_per_1000_people',
      source: { number: '71/NQ-CP' },
      points: [{ date: '2030-12-31', value: 1 }],
    });
  });
});
