import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeRunRecord } from '../../src/runs/history.js';
import { RecentRuns } from '../../src/runs/recentRuns.js';
import { queuedRecord, type RunRecord } from '../../src/runs/record.js';
import { runKeys } from '../../src/snapshot/layout.js';
import { LocalStore } from '../../src/store/localStore.js';
import { failingStore } from '../support/failingStore.js';

const waiting = (asOf: string, after: string): RunRecord =>
  queuedRecord(asOf, {
    after,
    status: 'waiting',
    trigger: 'backfill',
    runner: 'inline',
    feed_ids: ['national'],
  });

describe("the page's recent runs, read once per version of each record", () => {
  it('reads a record again only once it was rewritten, and forgets the ones pushed out', async () => {
    const store = new LocalStore(await mkdtemp(path.join(os.tmpdir(), 'dte-recent-')));
    const keys = ['2026-01-31', '2026-02-28', '2026-03-31'].map((d) =>
      runKeys.record(d, `${d}T00:00:00.000Z`, 'abc'),
    );
    for (const [i, key] of keys.entries())
      await writeRunRecord(store, key, waiting(key.slice(5, 15), `2026-0${i}-01`));
    const recent = new RecentRuns();
    expect((await recent.last(store, 2)).map((r) => r.as_of)).toEqual(['2026-02-28', '2026-03-31']);

    // Every read of a record now fails: the unchanged records come from what was read before.
    const unreadable = failingStore(store, { failReads: /^runs\// });
    expect((await recent.last(unreadable, 2)).map((r) => r.status)).toEqual(['waiting', 'waiting']);

    // A rewritten record (a new stage of its run) is read again on the next request.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await writeRunRecord(store, keys[2]!, { ...waiting('2026-03-31', '2026-02-28'), status: 'queued' });
    await expect(recent.last(unreadable, 2)).rejects.toThrow();
    expect((await recent.last(store, 2)).map((r) => r.status)).toEqual(['waiting', 'queued']);

    // A newer record pushes the oldest shown out; it is read once it is asked for again.
    await writeRunRecord(
      store,
      runKeys.record('2026-04-30', '2026-04-30T00:00:00.000Z', 'abc'),
      waiting('2026-04-30', '2026-03-31'),
    );
    expect((await recent.last(store, 2)).map((r) => r.as_of)).toEqual(['2026-03-31', '2026-04-30']);
    await expect(recent.last(unreadable, 3)).rejects.toThrow();
  });
});
