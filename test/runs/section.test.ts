import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PipelineContext } from '../../src/context/context.js';
import { runSeriesInline } from '../../src/runners/inlineSeries.js';
import { queuedRecord } from '../../src/runs/record.js';
import { buildServer } from '../../src/server/app.js';
import { runsPageSection } from '../../src/server/runsSection.js';
import { servedStore } from '../server/fixture.js';

let app: FastifyInstance;
let ctx: PipelineContext;

const section = (body: string) =>
  body.slice(
    body.indexOf('<section id="runs">'),
    body.indexOf('</section>', body.indexOf('<section id="runs">')),
  );
const rowsOf = (html: string) =>
  [...html.matchAll(/<tr data-status="([a-z_]+)"><td>([0-9-]+)<\/td>/g)].map((m) => [m[2], m[1]]);

beforeAll(async () => {
  const served = await servedStore();
  ctx = served.ctx;
  // A backfill whose first date has no export: it fails, and the date after it waits.
  ctx.config.feeds = [
    { ...ctx.config.feeds[0]!, source: { type: 'file', path: path.join(ctx.baseDir, 'gone.csv') } },
  ];
  const series = await runSeriesInline(ctx, ['2025-09-30', '2025-12-31'], { trigger: 'backfill' });
  expect(series.failed?.as_of).toBe('2025-09-30');
  app = await buildServer({
    store: ctx.store,
    runtime: null,
    adminToken: undefined,
    logger: pino({ level: 'silent' }),
    evaluations: served.evaluations,
    histories: served.histories,
  });
}, 60_000);

describe("the page's recent runs", () => {
  it('lists the last runs newest first, with the failed date and the date waiting for it', async () => {
    const en = section((await app.inject('/?lang=en')).body);
    expect(en).toContain('<h2>Recent runs</h2>');
    expect(rowsOf(en)).toEqual([
      ['2025-12-31', 'waiting'],
      ['2025-09-30', 'failed'],
      ['2025-06-30', 'published'],
      ['2025-03-31', 'published'],
    ]);
    expect(en).toContain('waits for 2025-09-30 to be fixed');
    expect(en).toMatch(/ingest: export file not found/);
    expect(en).toContain('backfill (inline)');
    expect(en).toMatch(
      /<td>cli \(inline\)<\/td><td>\d{4}-\d\d-\d\d \d\d:\d\d UTC<\/td><td>\d+ s<\/td><td>45<\/td>/,
    );
    const vi = section((await app.inject('/')).body);
    expect(vi).toContain('Các lần chạy gần đây');
    expect(vi).toContain('chờ ngày 2025-09-30 được sửa');
  });

  it("adds the queues' runs when it is given them", async () => {
    const render = runsPageSection(async () => [
      queuedRecord('2026-01-31', {
        after: '2025-12-31',
        status: 'queued',
        trigger: 'schedule',
        runner: 'bullmq',
        feed_ids: ['national'],
      }),
    ]);
    const html = await render({ store: ctx.store, as_of: '2025-06-30', published: [], lang: 'en' });
    expect(rowsOf(html)[0]).toEqual(['2026-01-31', 'queued']);
    expect(html).toContain('schedule (bullmq)');
    expect(html).toContain('after 2025-12-31');
  });
});
