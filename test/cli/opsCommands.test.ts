import { mkdtemp, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heartbeatKey, startHeartbeat } from '../../src/queue/heartbeat.js';
import { openStore } from '../../src/store/openStore.js';
import { runCli } from '../support/cli.js';
import { startS3 } from '../support/s3server.js';
import { expectShape } from './support.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `dte-test-ops-${process.pid}`;
let redis: Redis;

beforeAll(() => {
  redis = new Redis(REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  const keys = await redis.keys(`${PREFIX}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe('dte health worker', () => {
  const env = { REDIS_URL, DTE_QUEUE_PREFIX: PREFIX };

  it('fails without a heartbeat, passes with a fresh one, fails again when a stage is down', async () => {
    const missing = await runCli(['health', 'worker', '--worker', 'w1', '--json'], { env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no recent heartbeat from worker w1/);
    expectShape('health worker', missing.stdout);

    const beat = (running: number) =>
      redis.set(
        heartbeatKey(PREFIX, 'w1'),
        JSON.stringify({ worker: 'w1', pid: 1, at: new Date().toISOString(), running, stages: 6 }),
        'PX',
        30_000,
      );
    await beat(6);
    const healthy = await runCli(['health', 'worker', '--worker', 'w1', '--json'], { env });
    expect(healthy.code).toBe(0);
    expect(JSON.parse(healthy.stdout)).toMatchObject({ worker: 'w1', ok: true });
    await beat(5);
    const degraded = await runCli(['health', 'worker', '--worker', 'w1'], { env });
    expect(degraded.code).toBe(1);
    expect(degraded.stderr).toMatch(/5\/6 stages running/);
  });

  it('is written by the worker heartbeat with a time to live, and removed when it stops', async () => {
    const stop = startHeartbeat(
      redis,
      PREFIX,
      () => ({ running: 2, stages: 2 }),
      () => {},
    );
    await new Promise((r) => setTimeout(r, 200));
    const key = heartbeatKey(PREFIX, os.hostname());
    expect(JSON.parse((await redis.get(key)) ?? 'null')).toMatchObject({ running: 2, stages: 2 });
    expect(await redis.pttl(key)).toBeGreaterThan(20_000);
    await stop();
    expect(await redis.get(key)).toBeNull();
  });
});

describe('dte store init', () => {
  it('creates a missing S3 bucket once, then finds it there', async () => {
    const server = await startS3('other');
    try {
      const env = {
        S3_ENDPOINT: server.endpoint,
        S3_FORCE_PATH_STYLE: 'true',
        S3_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'S3RVER',
        AWS_SECRET_ACCESS_KEY: 'S3RVER',
      };
      const store = 's3://fresh-bucket/prod';
      const first = await runCli(['store', 'init', '--store', store, '--json'], { env });
      expect(first.code).toBe(0);
      expect(JSON.parse(first.stdout)).toEqual({ store, created: true });
      const second = await runCli(['store', 'init', '--store', store, '--json'], { env });
      expect(JSON.parse(second.stdout)).toEqual({ store, created: false });
      const s3 = await openStore(store, {
        s3: {
          endpoint: server.endpoint,
          forcePathStyle: true,
          credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        },
      });
      await s3.put('probe.txt', 'ok');
      expect((await s3.head('probe.txt'))?.size).toBe(2);
      await s3.close();
    } finally {
      await server.close();
    }
  });

  it('creates a local store folder', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dte-init-'));
    const result = await runCli(['store', 'init', '--store', 'file:a/b'], { cwd: dir });
    expect(result.code).toBe(0);
    expect((await stat(path.join(dir, 'a/b'))).isDirectory()).toBe(true);
  });
});
