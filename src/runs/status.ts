import { queuedRecord, type RunRecord, type RunStatus, type StageRecord } from './record.js';

/** How a run ended, when every stage it needed is done. */
export type RunOutcomeStatus = Extract<RunStatus, 'published' | 'already_published' | 'unchanged' | 'held'>;

/**
 * The run's status from its stages, for both runners: a failed stage fails the run, a started one
 * makes it running, none started leaves it queued; `outcome` once the last needed stage is done.
 */
export function runStatusOf(stages: readonly StageRecord[], outcome: RunOutcomeStatus | null): RunStatus {
  if (stages.some((s) => s.status === 'failed')) return 'failed';
  const open = stages.some((s) => s.status === 'pending' || s.status === 'running');
  if (!open && outcome) return outcome;
  if (stages.some((s) => s.status !== 'pending')) return 'running';
  return 'queued';
}

/**
 * The dates a run carries after it (a backfill's rest), as records: in line while it is pending or
 * running, waiting for it once it failed. Both runners build their followers here.
 */
export function followersOf(run: RunRecord, then: readonly string[]): RunRecord[] {
  if (run.status !== 'failed' && run.status !== 'queued' && run.status !== 'running') return [];
  const status = run.status === 'failed' ? 'waiting' : 'queued';
  return then.map((asOf, i) =>
    queuedRecord(asOf, {
      after: status === 'waiting' ? run.as_of : (then[i - 1] ?? run.as_of),
      status,
      trigger: 'backfill',
      runner: run.runner,
      feed_ids: run.feed_ids,
    }),
  );
}

/** The newest run of each date (the one not started counts as newest), in date order. */
export function latestPerDate(runs: readonly RunRecord[]): RunRecord[] {
  const latest = new Map<string, RunRecord>();
  for (const run of runs) {
    const seen = latest.get(run.as_of);
    if (!seen || (seen.started ?? '\uffff') <= (run.started ?? '\uffff')) latest.set(run.as_of, run);
  }
  return [...latest.values()].sort((a, b) => (a.as_of < b.as_of ? -1 : 1));
}

/** The dates waiting for `failed` to be fixed, oldest first: what a retry of it runs after it. */
export function waitingFor(runs: readonly RunRecord[], failed: string): string[] {
  return latestPerDate(runs)
    .filter((r) => r.status === 'waiting' && r.waiting_for === failed)
    .map((r) => r.as_of);
}

/** The oldest failed date that later dates wait for: where `dte backfill --resume` starts. */
export function firstBlocking(runs: readonly RunRecord[]): string | null {
  const blocking = latestPerDate(runs)
    .filter((r) => r.status === 'waiting' && r.waiting_for !== null)
    .map((r) => r.waiting_for as string)
    .sort();
  return blocking[0] ?? null;
}

/** A run's rows: those read over every feed, whichever runner counts them. */
export function rowsRead(ingests: ReadonlyArray<{ rows_read: number }>): number {
  return ingests.reduce((sum, ingest) => sum + ingest.rows_read, 0);
}
