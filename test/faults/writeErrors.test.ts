import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueRuns } from '../../jobs/enqueue.js';
import { StorageError } from '../../src/domain/errors.js';
import { QueueRuntime } from '../../src/queue/runtime.js';
import { runInline } from '../../src/runners/inline.js';
import { readLatest, readRunManifest } from '../../src/snapshot/catalog.js';
import { LocalStore } from '../../src/store/localStore.js';
import { startWorkers, stopWorkers } from '../../workers/index.js';
import { failingStore } from '../support/failingStore.js';
import { tempDir, testContext } from '../support/pipelineContext.js';
import { dropPrefix, testRedisUrl, uniquePrefix } from '../support/redis.js';
import { eventually } from '../support/workerProcess.js';
import { CANONICAL_HEADER, canonicalRow } from './support.js';

const STAGE_KEYS: Array<[string, RegExp]> = [
  ['ingest', /^work\/ingest\//],
  ['classify', /\/enterprises\/part-/],
  ['aggregate', /\/provinces\.csv$/],
  ['publish', /\/manifest\.json$/],
  ['alerts', /^alerts\//],
];

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) {
    if (entry.isFile()) out.push(path.join(entry.parentPath, entry.name));
  }
  return out;
}

async function faultContext(afterBytes: number, code = 'ENOSPC') {
  const dir = await tempDir('dte-write-errors-');
  const file = path.join(dir, 'export.csv');
  await writeFile(
    file,
    `${[CANONICAL_HEADER, ...Array.from({ length: 3000 }, (_, i) => canonicalRow(i))].join('\n')}\n`,
  );
  const root = path.join(dir, 'store');
  const store = failingStore(new LocalStore(root), { afterBytes, code });
  const ctx = await testContext([{ id: 'national', format: 'canonical-csv', file }], { store });
  return { ctx, root, store };
}

const stagesHit = new Set<string>();

describe('write errors at any stage (issue 16, item 4)', () => {
  afterAll(() => {
    // The byte budgets were chosen so that the disk fills in each stage in turn.
    expect([...stagesHit].sort()).toEqual(['aggregate', 'alerts', 'classify', 'ingest', 'publish']);
  });
  const budgets = new Map<string, number>();
  beforeAll(async () => {
    const { ctx, store } = await faultContext(Number.POSITIVE_INFINITY);
    await runInline(ctx, { asOf: '2026-06-30' });
    // The disk fills a few bytes into the first object each stage writes.
    for (const [stage, pattern] of STAGE_KEYS) {
      const first = store.puts.find((p) => pattern.test(p.key));
      if (first) budgets.set(stage, first.start + 10);
    }
  });
  for (const [stage] of STAGE_KEYS) {
    it(`a disk that fills during ${stage} fails the run with one StorageError naming the stage and key, leaving no temp file`, async () => {
      const { ctx, root } = await faultContext(budgets.get(stage) ?? 0);
      const error = await runInline(ctx, { asOf: '2026-06-30' }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, 'the run should fail').toBeInstanceOf(StorageError);
      const storage = error as StorageError;
      stagesHit.add(String(storage.context.stage));
      expect(storage.context.stage).toBe(stage);
      expect(storage.context.key ?? storage.context.file).toBeTruthy();
      expect(storage.context.cause).toBe('ENOSPC');
      expect(storage.describe()).toMatch(/no space left on device/);
      expect((await filesUnder(root)).filter((f) => f.includes('.tmp-'))).toEqual([]);
      // Only what follows publishing finds the snapshot published.
      expect((await readLatest(new LocalStore(root)))?.as_of ?? null).toBe(
        stage === 'alerts' ? '2026-06-30' : null,
      );
    });
  }

  it('an aborted read and an EIO name their stage and cause too', async () => {
    const reads = await faultContext(Number.POSITIVE_INFINITY);
    const store = failingStore(new LocalStore(reads.root), { failReads: /^work\/ingest\/.*part-/ });
    const error = await runInline({ ...reads.ctx, store }, { asOf: '2026-06-30' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).context).toMatchObject({ stage: 'classify', cause: 'ECONNRESET' });
    const { ctx } = await faultContext(200_000, 'EIO');
    const eio = await runInline(ctx, { asOf: '2026-06-30' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((eio as StorageError).context).toMatchObject({ stage: 'ingest', cause: 'EIO', feed: 'national' });
  });

  it.skipIf(!canMount())(
    'on a real 1 MiB disk: ENOSPC fails the run cleanly, and once there is room the rerun publishes the files of a clean run',
    async () => {
      const disk = await tempDir('dte-small-disk-');
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk]);
      try {
        const { ctx } = await faultContext(Number.POSITIVE_INFINITY);
        const small = { ...ctx, store: new LocalStore(path.join(disk, 'store')) };
        const error = await runInline(small, { asOf: '2026-06-30' }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(StorageError);
        expect((error as StorageError).context.cause).toBe('ENOSPC');
        expect((await filesUnder(disk)).filter((f) => f.includes('.tmp-'))).toEqual([]);
        execFileSync('mount', ['-o', 'remount,size=40m', disk]);
        const rerun = await runInline(small, { asOf: '2026-06-30' });
        const clean = await runInline(ctx, { asOf: '2026-06-30' });
        if (rerun.status !== 'published' || clean.status !== 'published')
          throw new Error('both should publish');
        const outputs = async (c: typeof ctx, runId: string) =>
          (await readRunManifest(c.store, '2026-06-30', runId))?.outputs;
        expect(await outputs(small, rerun.plan.run_id)).toEqual(await outputs(ctx, clean.plan.run_id));
      } finally {
        execFileSync('umount', [disk]);
      }
    },
  );
});

describe('write errors on BullMQ workers', () => {
  it('fail the job with the StorageError (fields in the log line), and the workers stay up', async () => {
    const url = await testRedisUrl();
    const prefix = uniquePrefix('write-errors');
    const { ctx } = await faultContext(Number.POSITIVE_INFINITY);
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
        done();
      },
    });
    const store = failingStore(ctx.store, { afterBytes: 10, keys: /^work\// });
    const failing = { ...ctx, store, logger: pino({ level: 'error' }, sink) };
    failing.config = { ...failing.config, worker: { ...failing.config.worker, attempts: 2, backoff_ms: 50 } };
    const runtime = QueueRuntime.open(url, prefix);
    const workers = startWorkers(failing, runtime, { concurrency: 2 });
    try {
      await enqueueRuns(runtime, failing.config, ['2026-06-30']);
      const failed = await eventually(
        async () => (await runtime.queues.ingest.getFailed())[0],
        30_000,
        'the ingest job to fail',
      );
      expect(failed.failedReason).toMatch(/ENOSPC/);
      const line = await eventually(
        async () => lines.find((l) => l.msg === 'job failed' && l.attempt === 2),
        10_000,
        'the last failure logged',
      );
      expect(line).toMatchObject({ stage: 'ingest', feed: 'national', cause: 'ENOSPC', asOf: '2026-06-30' });
      expect(String(line.key)).toMatch(/^work\/ingest\/national\//);
      expect(workers.every((w) => w.isRunning())).toBe(true);
    } finally {
      await stopWorkers(workers);
      await runtime.close();
      await dropPrefix(url, prefix);
    }
  }, 60_000);
});

/** Whether this machine lets the test mount a small tmpfs (root, and a sandbox that allows it). */
function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(path.join(tmpdir(), 'dte-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
