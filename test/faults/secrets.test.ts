import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import type { PipelineContext } from '../../src/context/context.js';
import { secretSafe } from '../../src/logging/logger.js';
import { QueueRuntime } from '../../src/queue/runtime.js';
import { inlineDeliveries } from '../../src/runners/inlineDeliveries.js';
import { buildServer } from '../../src/server/app.js';
import { afterPublish } from '../../src/stages/afterPublish.js';
import { readAll } from '../../src/store/bodies.js';
import { LocalStore } from '../../src/store/localStore.js';
import { servedStore } from '../server/fixture.js';
import { publishFake, writeFlatTarget } from '../support/fakeSnapshot.js';
import { tempDir } from '../support/pipelineContext.js';
import { dropPrefix, testRedisUrl, uniquePrefix } from '../support/redis.js';

const TOKEN = 'the-admin-token-of-the-fault-test';
const SECRET = 'Sup3rSecretValue';
const logs: string[] = [];
let app: FastifyInstance;
let runtime: QueueRuntime;
let redisUrl: string;
const prefix = uniquePrefix('secrets');

beforeAll(async () => {
  redisUrl = await testRedisUrl();
  runtime = QueueRuntime.open(redisUrl, prefix);
  const { ctx, evaluations } = await servedStore();
  // A plain pino logger, as tests and embedders pass: the server itself keeps secrets out of its lines.
  const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(line) });
  app = await buildServer({ store: ctx.store, runtime, adminToken: TOKEN, logger, evaluations });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await runtime?.close();
  await dropPrefix(redisUrl, prefix);
});

describe('no secret in a log line (issue 16, item 7)', () => {
  it('logs no query value, whatever the spelling or encoding of its key', async () => {
    const urls = [
      `/admin/queues?tok%65n=${TOKEN}`,
      `/admin/queues?TOKEN=${TOKEN}`,
      `/admin/queues?x=1&token=${TOKEN}`,
      `/?lang=en&T%4FKEN=${SECRET}`,
      `/nowhere?token=${SECRET}`,
      `/api/snapshots/2025-13-45?Token=${SECRET}`,
    ];
    for (const url of urls) await app.inject(url);
    const text = logs.join('\n');
    expect(text).toContain('/admin/queues?');
    expect(text).toContain('/nowhere?');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(SECRET);
    const metrics = await app.inject('/metrics');
    expect(metrics.body).not.toContain(TOKEN);
  });

  it('redacts URL credentials and query values in messages, fields and errors of the production logger', () => {
    const lines: string[] = [];
    const logger = pino(secretSafe({ level: 'info' }), { write: (line: string) => lines.push(line) });
    const url = `https://hook-user:${SECRET}@hooks.example.org/in?key=${SECRET}&TOKEN=${SECRET}`;
    logger.info({ webhook: url, nested: { list: [url] } }, `posting to ${url}`);
    logger.error({ err: new Error(`cannot reach ${url}`) }, 'failed');
    logger.child({ target: url }).warn('child');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    const text = lines.join('\n');
    expect(text).not.toContain(SECRET);
    expect(text).toContain('hooks.example.org/in?key=[redacted]');
    expect(text).toContain('https://[redacted]@hooks.example.org');
  });
});

describe('the admin cookie (issue 16, item 7)', () => {
  it('answers 401, not 500, to a malformed cookie', async () => {
    for (const cookie of ['dte_admin=%E0%A4%A', 'dte_admin=%', 'dte_admin', '=;;=%zz']) {
      const reply = await app.inject({ url: '/admin/queues', headers: { cookie } });
      expect(reply.statusCode, cookie).toBe(401);
    }
    const good = await app.inject({ url: '/admin/queues', headers: { cookie: `dte_admin=${TOKEN}` } });
    expect(good.statusCode).toBe(200);
  });
});

describe('security headers (issue 16, item 7)', () => {
  it('sets CSP with frame-ancestors, X-Content-Type-Options and Referrer-Policy on every page', async () => {
    const pages = [
      { url: '/' },
      { url: '/?lang=en' },
      { url: '/api/snapshots' },
      { url: '/metrics' },
      { url: '/nowhere' },
      { url: '/admin/queues' },
      { url: '/admin/queues', headers: { authorization: `Bearer ${TOKEN}` } },
    ];
    for (const page of pages) {
      const reply = await app.inject(page);
      const csp = String(reply.headers['content-security-policy'] ?? '');
      expect(csp, page.url).toContain("frame-ancestors 'none'");
      expect(reply.headers['x-content-type-options'], page.url).toBe('nosniff');
      expect(reply.headers['referrer-policy'], page.url).toBe('no-referrer');
    }
    const page = await app.inject('/');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('script-src');
  });

  it('lets Chromium render the page with its styles and no policy violation', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    });
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
      });
      await page.goto(`${base}/`);
      const background = await page
        .locator('header')
        .evaluate(
          (el) =>
            (
              globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
            ).getComputedStyle(el).backgroundColor,
        );
      expect(background).toBe('rgb(11, 79, 138)');
      expect(await page.locator('svg').count()).toBeGreaterThan(0);
      await page.goto(`${base}/admin/queues?token=${TOKEN}`);
      await page.waitForLoadState('networkidle');
      expect(violations.filter((v) => !/fonts\.googleapis/.test(v))).toEqual([]);
      expect(await page.locator('#root').innerHTML()).not.toContain('Loading');
    } finally {
      await browser.close();
    }
  }, 60_000);
});

describe('webhook URL credentials (issue 16, item 7)', () => {
  let hook: Server;
  let port = 0;
  const seen: Array<string | undefined> = [];
  let status = 204;

  beforeAll(async () => {
    hook = createServer((req, res) => {
      seen.push(req.headers.authorization);
      req.resume();
      req.on('end', () => res.writeHead(status).end());
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    port = (hook.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => hook.close(resolve)));

  async function contextFor(url: string): Promise<PipelineContext> {
    const dir = await tempDir('dte-secret-hook-');
    return {
      store: new LocalStore(path.join(dir, 'store')),
      logger: pino(secretSafe({ level: 'info' }), { write: (line: string) => logs.push(line) }),
      config: configSchema.parse({
        targets: await writeFlatTarget(dir),
        alerts: { webhook: { url, timeout_ms: 2000 }, delivery: { attempts: 2, backoff_ms: 10 } },
      }),
      baseDir: dir,
      codeVersion: 'test',
    };
  }

  async function failedRecords(ctx: PipelineContext): Promise<string> {
    const bodies: string[] = [];
    for await (const object of ctx.store.list('alerts/failed/'))
      bodies.push((await readAll(await ctx.store.get(object.key))).toString('utf8'));
    expect(bodies.length).toBeGreaterThan(0);
    return bodies.join('\n');
  }

  async function twoSnapshots(ctx: PipelineContext) {
    await publishFake(ctx.store, '2025-01-31', 100);
    await afterPublish(ctx, '2025-01-31', inlineDeliveries);
    await publishFake(ctx.store, '2025-02-28', 80);
    return afterPublish(ctx, '2025-02-28', inlineDeliveries);
  }

  it('sends the credentials as Basic auth and writes them nowhere when delivery fails', async () => {
    status = 503;
    logs.length = 0;
    const ctx = await contextFor(`http://hook-user:${SECRET}@127.0.0.1:${port}/in?key=${SECRET}`);
    const outcome = await twoSnapshots(ctx);
    expect(outcome.deliveries.failed.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(`Basic ${Buffer.from(`hook-user:${SECRET}`).toString('base64')}`);
    const stored = await failedRecords(ctx);
    expect(stored).toMatch(/503/);
    for (const text of [stored, JSON.stringify(outcome), logs.join('\n')]) expect(text).not.toContain(SECRET);
  });

  it('names no credential when the receiver cannot be reached', async () => {
    logs.length = 0;
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const ctx = await contextFor(`http://hook-user:${SECRET}@127.0.0.1:${deadPort}/in?token=${SECRET}`);
    const outcome = await twoSnapshots(ctx);
    expect(outcome.deliveries.failed.length).toBeGreaterThan(0);
    const stored = await failedRecords(ctx);
    for (const text of [stored, JSON.stringify(outcome), logs.join('\n')]) expect(text).not.toContain(SECRET);
  });
});
