/**
 * The distributed case of `npm run bench`: the same export through BullMQ with two `dte worker`
 * processes on this machine, timed from enqueue to `latest.json`. Needs Redis at $REDIS_URL.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { enqueueRuns } from '../jobs/enqueue.js';
import { loadConfig } from '../src/config/load.js';
import { packageRoot } from '../src/package/packageRoot.js';
import { dropPrefix } from '../src/queue/dropPrefix.js';
import { QueueRuntime } from '../src/queue/runtime.js';
import { readLatest } from '../src/snapshot/catalog.js';
import { LocalStore } from '../src/store/localStore.js';

export async function benchDistributed(
  file: string,
  asOf: string,
  storeDir: string,
): Promise<{ wallMs: number }> {
  await rm(storeDir, { recursive: true, force: true });
  await mkdir(storeDir, { recursive: true });
  const configFile = path.join(storeDir, '..', 'bench-dte.yaml');
  await writeFile(
    configFile,
    stringify({
      store: `file:${storeDir}`,
      partitions: Number(process.env.DTE_BENCH_PARTITIONS ?? 16),
      feeds: [{ id: 'national', format: 'vn-dkkd-csv', source: { type: 'file', path: path.resolve(file) } }],
    }),
  );
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `dtebench-${randomBytes(4).toString('hex')}`;
  const env = {
    ...process.env,
    REDIS_URL: redisUrl,
    DTE_QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    DTE_STORE: '',
  };
  const cli = path.join(packageRoot(), 'dist/src/cli/main.js');
  const workers = [0, 1].map(() =>
    spawn(process.execPath, [cli, 'worker', '--config', configFile, '--concurrency', '1'], {
      env,
      stdio: 'ignore',
    }),
  );
  const loaded = loadConfig(configFile, env);
  const runtime = QueueRuntime.open(redisUrl, prefix);
  const store = new LocalStore(storeDir);
  try {
    const started = performance.now();
    await enqueueRuns(runtime, loaded.config, [asOf]);
    while ((await readLatest(store))?.as_of !== asOf) {
      if (workers.some((w) => w.exitCode !== null)) throw new Error('a bench worker exited');
      await new Promise((r) => setTimeout(r, 50));
    }
    return { wallMs: performance.now() - started };
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await runtime.close();
    await dropPrefix(redisUrl, prefix);
    await rm(storeDir, { recursive: true, force: true });
  }
}
