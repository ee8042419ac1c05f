import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueRuns } from '../../jobs/enqueue.js';
import type { PipelineContext } from '../../src/context/context.js';
import { QueueRuntime } from '../../src/queue/runtime.js';
import { runInline } from '../../src/runners/inline.js';
import { startWorkers, stopWorkers } from '../../workers/index.js';
import { type HookReceiver, hookReceiver } from '../support/hookReceiver.js';
import { tempDir, testContext } from '../support/pipelineContext.js';
import { dropPrefix, testRedisUrl, uniquePrefix } from '../support/redis.js';
import { eventually } from '../support/workerProcess.js';
import { CANONICAL_HEADER, canonicalRow } from './support.js';

let url: string;
const prefix = uniquePrefix('run-failed');
const hooks: { operator?: HookReceiver; ops?: HookReceiver; leaders?: HookReceiver } = {};

beforeAll(async () => {
  url = await testRedisUrl();
  hooks.operator = await hookReceiver('/operator');
  hooks.ops = await hookReceiver('/ops');
  hooks.leaders = await hookReceiver('/leaders');
});
afterAll(async () => {
  await Promise.all(Object.values(hooks).map((h) => h?.close()));
  await dropPrefix(url, prefix);
});

/** A context whose alerts go to the three receivers: the operator's webhook, the ops route, leadership's list. */
async function routedContext(file: string): Promise<PipelineContext> {
  const ctx = await testContext([{ id: 'national', format: 'canonical-csv', file }]);
  ctx.config = {
    ...ctx.config,
    alerts: {
      webhook: { url: hooks.operator?.url },
      ops: { webhooks: [hooks.ops?.url] },
      recipients: { webhooks: [hooks.leaders?.url] },
      delivery: { attempts: 2, backoff_ms: 10 },
    },
    worker: { ...ctx.config.worker, attempts: 2, backoff_ms: 50 },
  };
  return ctx;
}

const kinds = (h: HookReceiver | undefined) => (h?.bodies ?? []).map((b) => b.body.kind);
const clear = () => {
  for (const h of Object.values(hooks)) h?.bodies.splice(0);
};

describe('run_failed reaches the ops route once, never leadership (issue 18, item 9)', () => {
  it('inline: a run that fails sends one run_failed to ops and the operator webhook', async () => {
    clear();
    const dir = await tempDir('dte-run-failed-');
    const ctx = await routedContext(path.join(dir, 'missing-{as_of}.csv'));
    await expect(runInline(ctx, { asOf: '2026-06-30' })).rejects.toThrow();
    expect(kinds(hooks.ops)).toEqual(['run_failed']);
    expect(kinds(hooks.operator)).toEqual(['run_failed']);
    expect(kinds(hooks.leaders)).toEqual([]);
    const sent = hooks.ops?.bodies[0];
    expect(sent?.notificationId).toBe(sent?.body.id);
    expect(String(sent?.body.text)).toContain('2026');
  });

  it('BullMQ: classify partitions failing after their retries send one run_failed in all, and the workers stay up', async () => {
    clear();
    const dir = await tempDir('dte-run-failed-q-');
    const file = path.join(dir, 'export.csv');
    await writeFile(
      file,
      `${[CANONICAL_HEADER, ...Array.from({ length: 20 }, (_, i) => canonicalRow(i))].join('\n')}\n`,
    );
    const ctx = await routedContext(file);
    const runtime = QueueRuntime.open(url, prefix);
    const attempts: number[] = [];
    const workers = startWorkers(ctx, runtime, {
      concurrency: 4,
      wrap: (stage, processor) =>
        stage !== 'classify'
          ? processor
          : async (job: Job) => {
              attempts.push(job.attemptsMade);
              throw new Error(`injected classify failure of partition ${String(job.data.partition)}`);
            },
    });
    try {
      await enqueueRuns(runtime, ctx.config, ['2026-06-30']);
      await eventually(
        async () => (hooks.ops?.bodies.length ?? 0) > 0,
        30_000,
        'the run_failed notification',
      );
      // Every partition has had both its attempts; give late duplicates time to arrive.
      await eventually(async () => attempts.length >= 8, 30_000, 'every attempt');
      await new Promise((r) => setTimeout(r, 1500));
      expect(kinds(hooks.ops)).toEqual(['run_failed']);
      expect(kinds(hooks.operator)).toEqual(['run_failed']);
      expect(kinds(hooks.leaders)).toEqual([]);
      expect(String(hooks.ops?.bodies[0]?.body.text)).toContain('classify: injected classify failure');
      expect(workers.every((w) => w.isRunning())).toBe(true);
    } finally {
      await stopWorkers(workers);
      await runtime.close();
    }
  }, 90_000);
});
