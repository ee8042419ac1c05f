/**
 * The serving case of `npm run bench`: `dte serve --no-queues` on the demo store (made by
 * `scripts/demo.ts` when missing), `GET /` at ten connections for a while, measured by autocannon.
 */
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import { packageRoot } from '../src/package/packageRoot.js';

export interface ServingFigures {
  requestsPerSecond: number;
  latencyMedianMs: number;
  latencyP99Ms: number;
  errors: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function ensureDemoStore(storeDir: string): Promise<void> {
  if (await stat(path.join(storeDir, 'latest.json')).catch(() => null)) return;
  const demo = spawn(process.execPath, [path.join(packageRoot(), 'dist/scripts/demo.js')], {
    env: { ...process.env, DTE_STORE: `file:${storeDir}`, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  const code = await new Promise<number | null>((resolve) => demo.on('close', resolve));
  if (code !== 0) throw new Error(`the demo exited ${code}`);
}

async function waitUntilUp(url: string, server: { exitCode: number | null }): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (server.exitCode !== null) throw new Error(`dte serve exited ${server.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`dte serve did not answer at ${url}`);
}

export async function benchServing(storeDir: string, seconds: number): Promise<ServingFigures> {
  await ensureDemoStore(storeDir);
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [
      path.join(packageRoot(), 'dist/src/cli/main.js'),
      'serve',
      '--no-queues',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    {
      env: { ...process.env, DTE_STORE: `file:${storeDir}`, DTE_CONFIG: '', LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    },
  );
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitUntilUp(url, server);
    const result = await autocannon({ url, connections: 10, duration: seconds });
    return {
      requestsPerSecond: result.requests.average,
      latencyMedianMs: result.latency.p50,
      latencyP99Ms: result.latency.p99,
      errors: result.errors + result.non2xx,
    };
  } finally {
    server.kill('SIGTERM');
  }
}
