import { execFile } from 'node:child_process';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PipelineContext } from '../../src/context/context.js';
import { runInline } from '../../src/runners/inline.js';
import { listRecordedRuns } from '../../src/runs/history.js';
import { type RunRecord, runRecordSchema } from '../../src/runs/record.js';
import { readLatest } from '../../src/snapshot/catalog.js';
import type { ObjectStore } from '../../src/store/objectStore.js';
import { tempDir } from '../support/pipelineContext.js';
import { type Series, seriesContext, writeSeries } from '../support/series.js';

const run = promisify(execFile);
const DATES = ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30'];
let series: Series;
let ctx: PipelineContext;

/** `dte …` from the built CLI on the series' config, queues left alone (no Redis for inline runs). */
async function dte(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['dist/src/cli/main.js', ...args], {
      env: { ...process.env, DTE_CONFIG: series.configFile, LOG_LEVEL: 'silent', DTE_THREADS: '1' },
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

async function records(): Promise<RunRecord[]> {
  return (await listRecordedRuns(ctx.store)).map((r) => r.record);
}

const inputOf = (asOf: string) => path.join(series.dir, `national-${asOf}.csv.gz`);

beforeAll(async () => {
  const dir = await tempDir('dte-runs-inline-');
  const store = `file:${path.join(dir, 'store')}`;
  series = await writeSeries(dir, { dates: DATES, rows: 300, store });
  ctx = await seriesContext(series, store);
}, 60_000);

describe('inline run records', () => {
  it('writes the record at the start and at every stage, so a crashed run shows where it stopped', async () => {
    const written: Array<{ status: string; running: string | undefined }> = [];
    const store: ObjectStore = {
      url: ctx.store.url,
      put: async (key, body, options) => {
        if (key.startsWith('runs/') && typeof body === 'string') {
          const record = runRecordSchema.parse(JSON.parse(body));
          written.push({
            status: record.status,
            running: record.stages.find((s) => s.status === 'running')?.stage,
          });
        }
        return ctx.store.put(key, body, options);
      },
      putUnhashed: (key, body, options) => ctx.store.putUnhashed(key, body, options),
      putIfAbsent: (key, body) => ctx.store.putIfAbsent(key, body),
      removeTemporary: (prefix, olderThanMs) => ctx.store.removeTemporary(prefix, olderThanMs),
      get: (key) => ctx.store.get(key),
      head: (key) => ctx.store.head(key),
      list: (prefix) => ctx.store.list(prefix),
      delete: (key) => ctx.store.delete(key),
      presignGet: (key, seconds) => ctx.store.presignGet(key, seconds),
      close: () => ctx.store.close(),
    };
    const outcome = await runInline({ ...ctx, store }, { asOf: DATES[0]!, trigger: 'cli' });
    expect(outcome.status).toBe('published');
    expect(written.map((w) => w.running ?? w.status)).toEqual([
      'running',
      'ingest',
      'running',
      'plan',
      'running',
      'classify',
      'running',
      'aggregate',
      'running',
      'publish',
      'running',
      'alerts',
      'running',
      'published',
    ]);
    const [record] = await records();
    expect(record).toMatchObject({
      as_of: DATES[0],
      run_id: outcome.plan.run_id,
      trigger: 'cli',
      runner: 'inline',
      status: 'published',
      rows: 300,
      error: null,
      waiting_for: null,
      feed_ids: ['national'],
    });
    expect(record!.stages.map((s) => [s.stage, s.status])).toEqual([
      ['ingest', 'done'],
      ['plan', 'done'],
      ['classify', 'done'],
      ['aggregate', 'done'],
      ['publish', 'done'],
      ['alerts', 'done'],
    ]);
    expect(record!.duration_ms).toBeGreaterThan(0);
    expect(record!.stages.every((s) => s.started !== null && s.duration_ms !== null)).toBe(true);
  }, 60_000);

  it('a backfill whose date fails keeps the later dates waiting for it, and a retry runs them in order', async () => {
    await rename(inputOf(DATES[2]!), `${inputOf(DATES[2]!)}.away`);
    const backfill = await dte(
      'backfill',
      '--inline',
      '--from',
      DATES[0]!,
      '--to',
      DATES[3]!,
      '--every',
      'month',
    );
    expect(backfill.code).toBe(1);
    expect(backfill.stderr).toMatch(/2026-03-31 failed: .*; 1 later dates wait for it/);

    const listed = await dte('runs', 'list', '--json', '--no-queues', '--from', DATES[1]!);
    expect(listed.code).toBe(0);
    const runs = runRecordSchema.array().parse(JSON.parse(listed.stdout));
    expect(runs.map((r) => [r.as_of, r.status, r.trigger, r.waiting_for])).toEqual([
      [DATES[1], 'published', 'backfill', null],
      [DATES[2], 'failed', 'backfill', null],
      [DATES[3], 'waiting', 'backfill', DATES[2]],
    ]);
    const failed = runs[1]!;
    expect(failed.stages[0]).toMatchObject({ stage: 'ingest', status: 'failed' });
    expect(failed.error).toMatch(/national/);
    expect(failed.stages.slice(1).every((s) => s.status === 'pending')).toBe(true);
    const text = await dte('runs', 'list', '--no-queues');
    expect(text.stdout).toMatch(/2026-04-30 +waiting .*waits for 2026-03-31 \(failed\)/);
    expect((await dte('runs', 'show', DATES[2]!, '--no-queues')).stdout).toMatch(/ingest +failed/);
    expect((await dte('runs', 'show', '2020-01-31', '--no-queues')).code).toBe(1);
    const none = await dte('runs', 'list', '--no-queues', '--from', '2030-01-01');
    expect([none.code, none.stdout, none.stderr]).toEqual([1, '', 'dte: no runs recorded from 2030-01-01\n']);

    // Retrying without a fix fails again, and the later date still waits.
    const again = await dte('runs', 'retry', DATES[2]!);
    expect(again.code).toBe(1);
    expect((await records()).filter((r) => r.as_of === DATES[3]).map((r) => r.status)).toEqual(['waiting']);

    await rename(`${inputOf(DATES[2]!)}.away`, inputOf(DATES[2]!));
    const resumed = await dte('backfill', '--resume', '--json');
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout)).toEqual({
      resumed: {
        as_of: DATES[2],
        runner: 'inline',
        dates: [DATES[2], DATES[3]],
        status: 'done',
        failed: null,
        waiting: [],
      },
    });
    expect((await readLatest(ctx.store))?.as_of).toBe(DATES[3]);
    const after = await records();
    // The waiting record became the run of its date; the failed attempts stay in the history.
    expect(after.filter((r) => r.as_of === DATES[3]).map((r) => [r.status, r.trigger])).toEqual([
      ['published', 'backfill'],
    ]);
    expect(after.filter((r) => r.as_of === DATES[2]).map((r) => r.status)).toEqual([
      'failed',
      'failed',
      'published',
    ]);
    expect((await dte('backfill', '--resume')).stdout).toMatch(/nothing to resume/);
  }, 120_000);
});
