import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueRuns } from '../../jobs/enqueue.js';
import { QueueRuntime } from '../../src/queue/runtime.js';
import { listHeld, readLatest } from '../../src/snapshot/catalog.js';
import { alertKeys } from '../../src/snapshot/layout.js';
import { readAll } from '../../src/store/bodies.js';
import { startWorkers, stopWorkers } from '../../workers/index.js';
import { CANONICAL_HEADER } from '../faults/support.js';
import { writeFlatTarget } from '../support/fakeSnapshot.js';
import { tempDir, testContext } from '../support/pipelineContext.js';
import { dropPrefix, testRedisUrl, uniquePrefix } from '../support/redis.js';
import { eventually } from '../support/workerProcess.js';

let url: string;
const prefix = uniquePrefix('held');
beforeAll(async () => {
  url = await testRedisUrl();
});
afterAll(() => dropPrefix(url, prefix));

describe('publish gates on BullMQ (issue 16, item 6)', () => {
  it('holds a 0-row export as inline does: listed, not latest, ops told, no plan alert evaluated', async () => {
    const dir = await tempDir('dte-held-q-');
    const file = path.join(dir, 'export.csv');
    await writeFile(file, `${CANONICAL_HEADER}\r`);
    const ctx = await testContext([{ id: 'national', format: 'canonical-csv', file }]);
    ctx.config = { ...ctx.config, targets: await writeFlatTarget(dir) };
    const runtime = QueueRuntime.open(url, prefix);
    const workers = startWorkers(ctx, runtime, { concurrency: 2 });
    try {
      await enqueueRuns(runtime, ctx.config, ['2025-06-30']);
      const held = await eventually(async () => (await listHeld(ctx.store))[0], 60_000, 'the held snapshot');
      expect(held.held?.reasons.map((r) => r.gate)).toEqual(['no_accepted_rows']);
      const alerts = await eventually(
        async () => (await runtime.queues.alerts.getCompleted())[0],
        30_000,
        'the alerts job',
      );
      expect(alerts.returnvalue).toMatchObject({ held: true, evaluations: 0, notifications: 0 });
      expect(await readLatest(ctx.store)).toBeNull();
      const history = (await readAll(await ctx.store.get(alertKeys.history('2025-06-30')))).toString('utf8');
      expect(
        history
          .trim()
          .split('\n')
          .map((l) => (JSON.parse(l) as { kind: string }).kind),
      ).toEqual(['snapshot_held']);
    } finally {
      await stopWorkers(workers);
      await runtime.close();
    }
  }, 90_000);
});
