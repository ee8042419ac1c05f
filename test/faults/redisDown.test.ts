import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueRuntime } from '../../src/queue/runtime.js';
import { buildServer } from '../../src/server/app.js';
import { servedStore } from '../server/fixture.js';
import { tempDir } from '../support/pipelineContext.js';
import { uniquePrefix } from '../support/redis.js';
import { startWorkerProcess, type WorkerProcess } from '../support/workerProcess.js';

const TOKEN = 'the-admin-token-of-the-redis-test';
const CLI = path.resolve('dist/src/cli/main.js');
const run = promisify(execFile);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A redis-server of this test's own on `port`, answering PING before this returns. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    { stdio: 'ignore' },
  );
  const probe = new Redis(port, '127.0.0.1', {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined);
  for (let i = 0; i < 100; i++) {
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`redis-server on port ${port} did not answer`);
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(child.pid!, 'SIGKILL');
  await exited;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

let port: number;
let redis: ChildProcess;
let url: string;
let runtime: QueueRuntime;
let app: FastifyInstance;
let worker: WorkerProcess | null = null;
let configFile: string;
const prefix = uniquePrefix('redis-down');
const serveLogs: string[] = [];

beforeAll(async () => {
  port = await freePort();
  url = `redis://127.0.0.1:${port}`;
  redis = await startRedis(port);
  const logger = pino({ level: 'info' }, { write: (line: string) => serveLogs.push(line) });
  runtime = QueueRuntime.open(url, prefix, 'serve', { failFast: true, logger });
  const { ctx, evaluations } = await servedStore();
  app = await buildServer({ store: ctx.store, runtime, adminToken: TOKEN, logger, evaluations });
  const dir = await tempDir('dte-redis-down-');
  configFile = path.join(dir, 'config.yaml');
  await writeFile(
    configFile,
    `store: file:${path.join(dir, 'store')}\nfeeds:\n  - id: national\n    format: vn-dkkd-csv\n    source: { type: file, path: ${path.join(dir, 'x.csv')} }\n`,
  );
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await app?.close();
  await runtime?.close();
  if (redis) await stopRedis(redis);
});

const api = () =>
  app.inject({ url: '/admin/queues/api/queues', headers: { authorization: `Bearer ${TOKEN}` } });

describe('Redis stopped and restarted (issue 16, item 8)', () => {
  it('keeps /metrics and the queue API answering, commands failing fast, workers logging one line per attempt', {
    timeout: 120_000,
  }, async () => {
    expect((await app.inject('/metrics')).body).toMatch(/^dte_redis_up 1$/m);
    expect((await api()).statusCode).toBe(200);
    worker = startWorkerProcess({ config: configFile, redisUrl: url, prefix, concurrency: 1 });
    await worker.waitFor((l) => l.msg === 'workers started', 30_000);

    await stopRedis(redis);
    // At once, and again once the connection knows: never a hang.
    for (const wait of [0, 1500]) {
      await new Promise((r) => setTimeout(r, wait));
      const metrics = await timed(() => app.inject('/metrics'));
      expect(metrics.ms, 'GET /metrics').toBeLessThan(2000);
      expect(metrics.value.statusCode).toBe(200);
      expect(metrics.value.body).toMatch(/^dte_redis_up 0$/m);
      const queues = await timed(api);
      expect(queues.ms, 'GET /admin/queues/api/queues').toBeLessThan(2000);
      expect(queues.value.statusCode).toBe(503);
    }

    const env = { ...process.env, REDIS_URL: url, DTE_QUEUE_PREFIX: prefix, LOG_LEVEL: 'info' };
    for (const args of [
      ['enqueue', '--as-of', '2026-06-30'],
      ['backfill', '--from', '2026-06-01', '--to', '2026-06-03'],
      ['schedule', 'sync'],
    ]) {
      const outcome = await timed(() =>
        run(process.execPath, [CLI, ...args, '--config', configFile], { env, timeout: 20_000 }).then(
          () => ({ code: 0, stderr: '' }),
          (error: { code?: number; stderr?: string }) => ({ code: error.code, stderr: error.stderr ?? '' }),
        ),
      );
      expect(outcome.ms, args.join(' ')).toBeLessThan(5000);
      expect(outcome.value.code, args.join(' ')).toBe(1);
      const lines = outcome.value.stderr.trim().split('\n');
      expect(lines, args.join(' ')).toHaveLength(1);
      expect(lines[0]).toMatch(/^dte: error: cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+ within 3 s/);
    }

    const attempts = () => worker!.lines.filter((l) => l.msg === 'redis unreachable: reconnecting');
    await new Promise((r) => setTimeout(r, 6000));
    const seen = attempts();
    expect(seen.length).toBeGreaterThanOrEqual(2);
    // With backoff: a handful of lines in the outage, not one per few milliseconds.
    expect(seen.length).toBeLessThan(15);
    const delays = seen.map((l) => Number(l.retryInMs));
    expect(delays.at(-1)!).toBeGreaterThan(delays[0]!);
    const raw = JSON.stringify(worker.lines);
    expect(raw).not.toMatch(/\\n\s+at /); // no stack trace in any line
    expect(worker.lines.filter((l) => String(l.msg).includes('Unhandled error'))).toEqual([]);

    redis = await startRedis(port);
    await worker.waitFor((l) => l.msg === 'redis connection restored', 30_000);
    for (let i = 0; i < 100 && !runtime.redisUp; i++) await new Promise((r) => setTimeout(r, 200));
    expect((await app.inject('/metrics')).body).toMatch(/^dte_redis_up 1$/m);
    expect((await api()).statusCode).toBe(200);
    expect(serveLogs.join('\n')).not.toMatch(/\\n\s+at /);
  });
});
