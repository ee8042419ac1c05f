import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

let resolved: Promise<string> | undefined;

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 2000,
  });
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function dockerAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

/**
 * Redis for the tests: `REDIS_URL` (default redis://127.0.0.1:6379), else a Redis container when a
 * Docker engine answers. Neither: the tests fail, loudly, rather than skip.
 */
export function testRedisUrl(): Promise<string> {
  resolved ??= (async () => {
    const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    if (await answers(url)) return url;
    if (await dockerAnswers()) {
      const { GenericContainer } = await import('testcontainers');
      const container = await new GenericContainer('redis:7-alpine').withExposedPorts(6379).start();
      return `redis://${container.getHost()}:${container.getMappedPort(6379)}`;
    }
    throw new Error(
      `no Redis for the tests: nothing answers at ${url} (set REDIS_URL) and no Docker engine answers for testcontainers. ` +
        'Start one with: redis-server --daemonize yes --port 6379 --save "" --appendonly no',
    );
  })();
  return resolved;
}

/** A BullMQ key prefix no other test file uses, so tests never see each other's keys. */
export function uniquePrefix(name: string): string {
  return `dtetest-${name}-${randomBytes(4).toString('hex')}`;
}

export { dropPrefix } from '../../src/queue/dropPrefix.js';
