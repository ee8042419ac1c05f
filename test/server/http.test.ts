import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueRuns } from '../../jobs/enqueue.js';
import { configSchema } from '../../src/config/schema.js';
import { recordJob } from '../../src/metrics/record.js';
import { QueueRuntime } from '../../src/queue/runtime.js';
import { buildServer } from '../../src/server/app.js';
import { dropPrefix, testRedisUrl, uniquePrefix } from '../support/redis.js';
import { servedStore } from './fixture.js';

const TOKEN = 'a-token-that-is-long-enough';
let app: FastifyInstance;
let runtime: QueueRuntime;
let url: string;
const prefix = uniquePrefix('serve');
const logs: string[] = [];

beforeAll(async () => {
  url = await testRedisUrl();
  runtime = QueueRuntime.open(url, prefix);
  const { ctx, evaluations, histories } = await servedStore();
  const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(line) });
  app = await buildServer({ store: ctx.store, runtime, adminToken: TOKEN, logger, evaluations, histories });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await runtime?.close();
  await dropPrefix(url, prefix);
});

describe('health and readiness', () => {
  it('answers /healthz and /readyz with Redis and the store reachable', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { store: 'ok', redis: 'ok' } });
  });

  it('says what failed when Redis does not answer', async () => {
    const down = QueueRuntime.open('redis://127.0.0.1:1', uniquePrefix('down'));
    down.connection.on('error', () => undefined);
    const { ctx, evaluations } = await servedStore();
    const broken = await buildServer({
      store: ctx.store,
      runtime: down,
      adminToken: TOKEN,
      logger: pino({ level: 'silent' }),
      evaluations,
    });
    const ready = await broken.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks.store).toBe('ok');
    expect(ready.json().checks.redis).toMatch(/^error: /);
    await broken.close();
    down.connection.disconnect();
  }, 30_000);

  it('refuses to start the dashboard without a token of 16+ characters', async () => {
    const { ctx, evaluations } = await servedStore();
    await expect(
      buildServer({
        store: ctx.store,
        runtime,
        adminToken: undefined,
        logger: pino({ level: 'silent' }),
        evaluations,
      }),
    ).rejects.toThrow(/DTE_ADMIN_TOKEN/);
    await expect(
      buildServer({
        store: ctx.store,
        runtime,
        adminToken: 'short',
        logger: pino({ level: 'silent' }),
        evaluations,
      }),
    ).rejects.toThrow(/16/);
  });
});

describe('queue dashboard', () => {
  it('is refused without the token or with a wrong one, and served with it', async () => {
    expect((await app.inject('/admin/queues')).statusCode).toBe(401);
    expect(
      (
        await app.inject({
          url: '/admin/queues',
          headers: { authorization: 'Bearer wrong-token-wrong-token' },
        })
      ).statusCode,
    ).toBe(401);
    const ok = await app.inject({ url: '/admin/queues', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('<');
    const viaQuery = await app.inject(`/admin/queues?token=${TOKEN}`);
    expect(viaQuery.statusCode).toBe(200);
    expect(String(viaQuery.headers['set-cookie'])).toMatch(/HttpOnly/);
    expect(logs.join('\n')).not.toContain(TOKEN);
  });
});

describe('snapshot API', () => {
  it('lists snapshots and serves a manifest', async () => {
    const list = (await app.inject('/api/snapshots')).json() as Array<{ as_of: string }>;
    expect(list.map((s) => s.as_of)).toEqual(['2025-03-31', '2025-06-30']);
    const manifest = (await app.inject('/api/snapshots/2025-06-30')).json();
    expect(manifest.as_of).toBe('2025-06-30');
    expect((await app.inject('/api/snapshots/2024-01-01')).statusCode).toBe(404);
    expect((await app.inject('/api/snapshots/yesterday')).statusCode).toBe(400);
  });

  it('streams a listed file with its type, length and attachment name, bytes equal to the manifest', async () => {
    const manifest = (await app.inject('/api/snapshots/2025-06-30')).json() as {
      outputs: Array<{ key: string; sha256: string; bytes: number }>;
    };
    const csv = await app.inject('/api/snapshots/2025-06-30/files/provinces.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="2025-06-30_provinces.csv"/);
    const out = manifest.outputs.find((o) => o.key === 'provinces.csv')!;
    expect(createHash('sha256').update(csv.rawPayload).digest('hex')).toBe(out.sha256);
    const part = await app.inject('/api/snapshots/2025-06-30/files/enterprises/part-00.ndjson.gz');
    expect(part.headers['content-type']).toBe('application/gzip');
    expect(part.headers['content-disposition']).toMatch(
      /^attachment; filename="2025-06-30_enterprises_part-00.ndjson.gz"/,
    );
    const rejects = manifest.outputs.find((o) => o.key.startsWith('rejects/'))!;
    const feed = rejects.key.slice('rejects/'.length, -'.csv'.length);
    const got = await app.inject(`/api/snapshots/2025-06-30/files/${rejects.key}`);
    expect(got.headers['content-disposition']).toContain(`filename="2025-06-30_rejects_${feed}.csv"`);
  });

  it.each([
    ['/api/snapshots/2025-06-30/files/..%2f..%2fcurrent.json', [400, 404]],
    ['/api/snapshots/2025-06-30/files/../../latest.json', [400, 404]],
    ['/api/snapshots/2025-06-30/files/%2e%2e/%2e%2e/latest.json', [400, 404]],
    ['/api/snapshots/2025-06-30/files/..%5c..%5clatest.json', [400, 404]],
    ['/api/snapshots/2025-06-30/files/%2fetc%2fpasswd', [400, 404]],
    ['/api/snapshots/2025-06-30/files/not-there.csv', [404]],
    ['/api/snapshots/..%2f..%2fetc/files/passwd', [400, 404]],
  ])('answers %s with 400 or 404, never a file outside the snapshot', async (path, codes) => {
    const res = await app.inject(path);
    expect(codes).toContain(res.statusCode);
    expect(res.body).not.toContain('run_id');
  });
});

describe('targets, metrics and the page', () => {
  it('evaluates the targets on the latest snapshot or a given date', async () => {
    const latest = (await app.inject('/api/targets')).json() as Array<{
      target_id: string;
      as_of: string;
      actual: number;
    }>;
    expect(latest).toMatchObject([{ target_id: 'flat-100', as_of: '2025-06-30', actual: 15 }]);
    const earlier = (await app.inject('/api/targets?as_of=2025-03-31')).json() as Array<{ actual: number }>;
    expect(earlier[0]?.actual).toBe(10);
    expect((await app.inject('/api/targets?as_of=31/03/2025')).statusCode).toBe(400);
  });

  it('shows queue depth, job counts, durations, rows and deliveries in Prometheus text', async () => {
    await enqueueRuns(
      runtime,
      configSchema.parse({
        feeds: [{ id: 'national', format: 'vn-dkkd-csv', source: { type: 'file', path: '/x' } }],
      }),
      ['2025-07-31'],
    );
    await recordJob(runtime.connection, prefix, {
      stage: 'ingest',
      ms: 1200,
      ok: true,
      final: false,
      result: { feed_id: 'national', rows_read: 45, valid: 44, rejected: 1 },
    });
    await recordJob(runtime.connection, prefix, {
      stage: 'deliver',
      ms: 30,
      ok: false,
      final: true,
      result: null,
      channel: 'webhook',
    });
    const text = (await app.inject('/metrics')).body;
    expect(text).toContain('dte_queue_jobs{queue="ingest",state="waiting"} 1');
    expect(text).toContain('dte_queue_jobs{queue="plan",state="waiting-children"} 1');
    expect(text).toContain('dte_jobs_total{stage="ingest",outcome="completed"} 1');
    expect(text).toContain('dte_job_duration_seconds_bucket{stage="ingest",le="2.5"} 1');
    expect(text).toContain('dte_job_duration_seconds_bucket{stage="ingest",le="1"} 0');
    expect(text).toContain('dte_rows_total{feed="national",kind="read"} 45');
    expect(text).toContain('dte_alert_delivery_failures_total{channel="webhook"} 1');
  });

  it('renders the page in Vietnamese by default and English on request', async () => {
    const vi = await app.inject('/');
    expect(vi.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(vi.body).toContain('Doanh nghiệp công nghệ số');
    expect(vi.body).toContain('id="provinces"');
    expect(vi.body).toContain('<svg class="chart"');
    expect(vi.body).toContain('/api/snapshots/2025-06-30/files/provinces.csv');
    expect((await app.inject('/?lang=en')).body).toContain('Digital technology enterprises by province');
    expect((await app.inject('/?lang=fr')).statusCode).toBe(400);
  });
});
