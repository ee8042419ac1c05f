import { randomBytes } from 'node:crypto';
import { errorLine } from '../domain/errors.js';
import { runKeys } from '../snapshot/layout.js';
import type { ObjectStore } from '../store/objectStore.js';
import { recordedRunsOf, writeRunRecord } from './history.js';
import { pendingStages, type RunRecord, type RunStage, type RunTrigger } from './record.js';
import { followersOf, type RunOutcomeStatus, runStatusOf } from './status.js';

export interface RunStart {
  as_of: string;
  trigger: RunTrigger;
  feed_ids: string[];
}

const nonce = () => randomBytes(3).toString('hex');

/**
 * The store's record of one inline run, written when it starts and again at every stage, so a run
 * that crashed still shows the stage it stopped in. A date queued or waiting in a series becomes
 * this run: its record is taken over rather than left behind.
 */
export class RunRecorder {
  private constructor(
    private readonly store: ObjectStore,
    readonly key: string,
    private record: RunRecord,
    private readonly unwritten: (error: unknown) => void,
  ) {}

  /**
   * `unwritten` hears of a record that could not be rewritten: the run goes on and, when the store
   * is failing, fails with its stage's own error rather than with the record's.
   */
  static async start(
    store: ObjectStore,
    start: RunStart,
    unwritten: (error: unknown) => void = () => undefined,
  ): Promise<RunRecorder> {
    const started = new Date().toISOString();
    const pending = await pendingKeyOf(store, start.as_of);
    const key = pending ?? runKeys.record(start.as_of, started, nonce());
    const recorder = new RunRecorder(
      store,
      key,
      {
        as_of: start.as_of,
        run_id: null,
        trigger: start.trigger,
        runner: 'inline',
        status: 'running',
        waiting_for: null,
        feed_ids: start.feed_ids,
        started,
        duration_ms: null,
        rows: null,
        error: null,
        stages: pendingStages(),
      },
      unwritten,
    );
    await writeRunRecord(store, key, recorder.record);
    return recorder;
  }

  get current(): RunRecord {
    return this.record;
  }

  /** Runs one stage's work, recording its start, its end and its error. */
  async stage<T>(stage: RunStage, work: () => Promise<T>): Promise<T> {
    const started = new Date();
    await this.setStage(stage, { status: 'running', started: started.toISOString() });
    try {
      const result = await work();
      await this.setStage(stage, { status: 'done', duration_ms: Date.now() - started.getTime() });
      return result;
    } catch (error) {
      const line = errorLine(error);
      this.record = { ...this.record, error: line };
      await this.setStage(stage, {
        status: 'failed',
        duration_ms: Date.now() - started.getTime(),
        error: line,
      });
      throw error;
    }
  }

  /** What the plan stage learnt: the run id and the rows read. */
  planned(runId: string, rows: number): void {
    this.record = { ...this.record, run_id: runId, rows };
  }

  /** Ends the run: stages it did not need are skipped. */
  async finish(outcome: RunOutcomeStatus): Promise<void> {
    const stages = this.record.stages.map((s) =>
      s.status === 'pending' ? { ...s, status: 'skipped' as const } : s,
    );
    this.record = {
      ...this.record,
      stages,
      status: runStatusOf(stages, outcome),
      duration_ms: this.elapsed(),
    };
    await this.write();
  }

  /** Ends a run that threw outside any stage (a stage records its own failure first). */
  async fail(error: unknown): Promise<void> {
    if (this.record.status !== 'failed') this.record = { ...this.record, status: 'failed' };
    this.record = {
      ...this.record,
      error: this.record.error ?? errorLine(error),
      duration_ms: this.elapsed(),
    };
    await this.write();
  }

  private elapsed(): number {
    return Math.max(0, Date.now() - Date.parse(this.record.started ?? ''));
  }

  private async setStage(stage: RunStage, fields: Partial<RunRecord['stages'][number]>): Promise<void> {
    const stages = this.record.stages.map((s) => (s.stage === stage ? { ...s, ...fields } : s));
    this.record = { ...this.record, stages, status: runStatusOf(stages, null) };
    await this.write();
  }

  private async write(): Promise<void> {
    try {
      await writeRunRecord(this.store, this.key, this.record);
    } catch (error) {
      this.unwritten(error);
    }
  }
}

/** The key of the date's inline record that is queued or waiting, to be taken over by its run. */
async function pendingKeyOf(store: ObjectStore, asOf: string): Promise<string | null> {
  const runs = await recordedRunsOf(store, asOf);
  const pending = runs.find(
    (r) => r.record.runner === 'inline' && (r.record.status === 'queued' || r.record.status === 'waiting'),
  );
  return pending?.key ?? null;
}

/**
 * Records the dates of a series after `head` as its followers (in line, or waiting once `head`
 * failed), over their queued or waiting records when they have one.
 */
export async function recordFollowers(
  store: ObjectStore,
  head: RunRecord,
  then: readonly string[],
): Promise<void> {
  for (const follower of followersOf(head, then)) {
    const key =
      (await pendingKeyOf(store, follower.as_of)) ??
      runKeys.record(follower.as_of, new Date().toISOString(), nonce());
    await writeRunRecord(store, key, follower);
  }
}
