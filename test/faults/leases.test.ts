import { execFile, spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineContext } from '../../src/context/context.js';
import { AlreadyRunningError, EarlierDateRunningError } from '../../src/domain/errors.js';
import { runInline } from '../../src/runners/inline.js';
import { DateLease } from '../../src/runners/lease.js';
import { alertKeys, leaseKeys } from '../../src/snapshot/layout.js';
import { readAll } from '../../src/store/bodies.js';
import { LocalStore } from '../../src/store/localStore.js';
import { writeFlatTarget } from '../support/fakeSnapshot.js';
import { type HookReceiver, hookReceiver } from '../support/hookReceiver.js';
import { tempDir, testContext } from '../support/pipelineContext.js';
import { CANONICAL_HEADER, canonicalRow } from './support.js';

const CLI = path.resolve('dist/src/cli/main.js');
let hook: HookReceiver;
beforeAll(async () => {
  hook = await hookReceiver();
});
afterAll(() => hook.close());

async function leaseContext(rows = 2000): Promise<{ ctx: PipelineContext; file: string; store: string }> {
  const dir = await tempDir('dte-lease-');
  const file = path.join(dir, 'export.csv');
  await writeFile(
    file,
    `${[CANONICAL_HEADER, ...Array.from({ length: rows }, (_, i) => canonicalRow(i))].join('\n')}\n`,
  );
  const store = path.join(dir, 'store');
  const ctx = await testContext([{ id: 'national', format: 'canonical-csv', file }], {
    store: new LocalStore(store),
  });
  ctx.config = {
    ...ctx.config,
    targets: await writeFlatTarget(dir),
    alerts: { webhook: { url: hook.url }, delivery: { attempts: 2, backoff_ms: 10 } },
  };
  return { ctx, file, store };
}

async function historyKinds(ctx: PipelineContext, asOf: string): Promise<string[]> {
  const text = await ctx.store.get(alertKeys.history(asOf)).then(readAll, () => Buffer.alloc(0));
  return text
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { kind: string }).kind);
}

describe('one inline run per date, in date order (issue 16, item 5)', () => {
  it('of two racing runs of one date, one publishes and the other fails with already running, sending nothing', async () => {
    const { ctx } = await leaseContext();
    hook.bodies.splice(0);
    const results = await Promise.allSettled([
      runInline(ctx, { asOf: '2025-06-30' }),
      runInline(ctx, { asOf: '2025-06-30' }),
    ]);
    const published = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(published).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const reason = (refused[0] as PromiseRejectedResult).reason as Error;
    expect(reason).toBeInstanceOf(AlreadyRunningError);
    expect(reason.message).toMatch(/^already running: the run of 2025-06-30/);
    expect(await historyKinds(ctx, '2025-06-30')).not.toContain('run_failed');
    const ids = hook.bodies.map((b) => b.notificationId);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    // The lease is gone with its run: the date runs again (already published).
    expect(await ctx.store.head(leaseKeys.lease('2025-06-30'))).toBeNull();
    expect((await runInline(ctx, { asOf: '2025-06-30' })).status).toBe('already_published');
  });

  it('refuses a later date while an earlier one is in progress, at once, and runs it once that one is done', async () => {
    const { ctx } = await leaseContext(20);
    const earlier = await DateLease.acquire(ctx, '2026-05-31');
    const started = Date.now();
    await expect(runInline(ctx, { asOf: '2026-06-30' })).rejects.toThrow(EarlierDateRunningError);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await ctx.store.head(leaseKeys.lease('2026-06-30'))).toBeNull();
    // An earlier date may still run while a later one holds its lease.
    await earlier.release();
    const later = await DateLease.acquire(ctx, '2026-06-30');
    expect((await runInline(ctx, { asOf: '2026-05-31' })).status).toBe('published');
    await later.release();
    expect((await runInline(ctx, { asOf: '2026-06-30' })).status).toBe('published');
  });

  it('takes over the stale lease of a dead process, and one not renewed in time', async () => {
    const { ctx } = await leaseContext(20);
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const lease = (asOf: string, host: string, pid: number, expires: string) =>
      JSON.stringify({
        as_of: asOf,
        holder: `${host}:${pid}:x`,
        host,
        pid,
        started_at: expires,
        expires_at: expires,
      });
    await ctx.store.put(leaseKeys.lease('2026-06-30'), lease('2026-06-30', hostname(), dead, future));
    expect((await runInline(ctx, { asOf: '2026-06-30' })).status).toBe('published');
    const past = new Date(Date.now() - 1000).toISOString();
    await ctx.store.put(leaseKeys.lease('2026-07-31'), lease('2026-07-31', 'another-host', 1, past));
    expect((await runInline(ctx, { asOf: '2026-07-31' })).status).toBe('published');
    // A live lease of another machine is respected until it expires.
    await ctx.store.put(leaseKeys.lease('2026-08-31'), lease('2026-08-31', 'another-host', 1, future));
    await expect(runInline(ctx, { asOf: '2026-08-31' })).rejects.toThrow(AlreadyRunningError);
  });

  it('on the CLI: already running exits 4, a later date behind an earlier one exits 5, each with one line', async () => {
    const { ctx, file, store } = await leaseContext(20);
    const held = await DateLease.acquire(ctx, '2026-06-30');
    const cli = (asOf: string) =>
      promisify(execFile)(
        'node',
        [
          CLI,
          'run',
          '--input',
          file,
          '--format',
          'canonical-csv',
          '--as-of',
          asOf,
          '--store',
          `file:${store}`,
        ],
        { env: { ...process.env, LOG_LEVEL: 'silent' } },
      ).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
    const same = await cli('2026-06-30');
    expect(same.code).toBe(4);
    expect(same.stderr).toMatch(/^dte: error: already running: the run of 2026-06-30 .*\n$/);
    const later = await cli('2026-07-31');
    expect(later.code).toBe(5);
    expect(later.stderr.trim().split('\n')).toHaveLength(1);
    await held.release();
    expect((await cli('2026-06-30')).code).toBe(0);
  });
});
