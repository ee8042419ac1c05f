import type { Job } from 'bullmq';
import { z } from 'zod';
import type { Config } from '../src/config/schema.js';
import type { QueueRuntime } from '../src/queue/runtime.js';
import type { Stage } from '../src/queue/stages.js';
import { NothingToRetryError } from '../src/runs/errors.js';
import {
  byDateThenStart,
  pendingStages,
  type RunRecord,
  type StageRecord,
  type StageStatus,
} from '../src/runs/record.js';
import { followersOf, type RunOutcomeStatus, rowsRead, runStatusOf } from '../src/runs/status.js';
import { ingestResultSchema } from '../src/stages/results.js';
import { type EnqueueResult, enqueueRuns } from './enqueue.js';
import { jobIds } from './ids.js';
import { type PlanPayload, planPayload, publishPayload } from './payloads.js';

const ALL_STATES = [
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'waiting-children',
  'completed',
  'failed',
] as const;

/** What the plan job returns (`workers/plan.ts`). */
const planReturn = z.object({
  action: z.enum(['run', 'already_published', 'held', 'unchanged']),
  run_id: z.string(),
  /** Rows read by the run's ingests: an ingest left unparsed (already published) has none of its own. */
  rows: z.number().int().nonnegative().optional(),
});

const OUTCOME: Record<z.infer<typeof planReturn>['action'], RunOutcomeStatus> = {
  run: 'published',
  already_published: 'already_published',
  held: 'held',
  unchanged: 'unchanged',
};

interface QueuedRun {
  record: RunRecord;
  payload: PlanPayload;
  /** When the plan job was added. */
  created: number;
}

/**
 * Every run the queues still know (a plan job and what it put on the queues), in the shape of the
 * store's run records, with the dates each carries after it as followers (queued, or waiting).
 */
export async function listQueuedRuns(
  runtime: QueueRuntime,
  from?: string,
  limit?: number,
): Promise<RunRecord[]> {
  const runs = await queuedRuns(runtime, limit);
  // A date its run has already put on the queues follows no more: its own run stands for it.
  const enqueuedSince = (asOf: string, since: number) =>
    runs.some((r) => r.record.as_of === asOf && r.created >= since);
  const records = runs.flatMap((r) => [
    r.record,
    ...followersOf(r.record, r.payload.then).filter((f) => !enqueuedSince(f.as_of, r.created)),
  ]);
  return records.filter((r) => !from || r.as_of >= from).sort(byDateThenStart);
}

/**
 * Puts a failed date on the queues again, with the dates that waited for it after it, in order;
 * the deterministic ids replace the failed jobs.
 */
export async function retryQueued(
  runtime: QueueRuntime,
  config: Config,
  asOf: string,
): Promise<EnqueueResult> {
  const failed = (await queuedRuns(runtime))
    .filter((r) => r.record.as_of === asOf && r.record.status === 'failed')
    .sort((a, b) => byDateThenStart(b.record, a.record))[0];
  if (!failed) throw new NothingToRetryError(`no failed run of ${asOf} on the queues to retry`, { asOf });
  const { payload } = failed;
  return enqueueRuns(runtime, config, [asOf, ...payload.then], payload.feed_ids, payload.trigger);
}

/** The oldest failed date on the queues that later dates wait for, or null. */
export async function blockedQueued(runtime: QueueRuntime): Promise<string | null> {
  const blocking = (await queuedRuns(runtime))
    .filter((r) => r.record.status === 'failed' && r.payload.then.length > 0)
    .map((r) => r.record.as_of)
    .sort();
  return blocking[0] ?? null;
}

/** The plan jobs' runs; with `limit`, only that many of the newest are looked into. */
async function queuedRuns(runtime: QueueRuntime, limit?: number): Promise<QueuedRun[]> {
  const all = await runtime.queues.plan.getJobs([...ALL_STATES], 0, -1, true);
  const jobs = limit === undefined ? all : all.sort((a, b) => b.timestamp - a.timestamp).slice(0, limit);
  const runs: QueuedRun[] = [];
  for (const job of jobs) {
    const payload = planPayload.safeParse(job.data);
    if (payload.success)
      runs.push({
        payload: payload.data,
        created: job.timestamp,
        record: await recordOf(runtime, job, payload.data),
      });
  }
  return runs;
}

async function recordOf(runtime: QueueRuntime, plan: Job, payload: PlanPayload): Promise<RunRecord> {
  const decided = planReturn.safeParse(plan.returnvalue);
  const ingest = await ingestStage(runtime, plan, payload);
  const planStage = await stageOf('plan', [plan]);
  const later = decided.success
    ? await laterStages(runtime, payload.as_of, decided.data)
    : skippedLater('pending');
  const stages = [ingest.stage, planStage, ...later];
  const outcome = decided.success ? OUTCOME[decided.data.action] : null;
  const started =
    stages
      .map((s) => s.started)
      .filter((s): s is string => s !== null)
      .sort()[0] ?? null;
  const status = runStatusOf(stages, outcome);
  return {
    as_of: payload.as_of,
    run_id: decided.success ? decided.data.run_id : null,
    trigger: payload.trigger,
    runner: 'bullmq',
    status,
    waiting_for: null,
    feed_ids: payload.feed_ids,
    started,
    duration_ms: started && isEnded(status) ? Math.max(0, endOf(stages) - Date.parse(started)) : null,
    rows: ingest.rows ?? (decided.success ? (decided.data.rows ?? null) : null),
    error: stages.find((s) => s.error !== null)?.error ?? null,
    stages,
  };
}

function isEnded(status: RunRecord['status']): boolean {
  return status !== 'queued' && status !== 'running' && status !== 'waiting';
}

/** When the last stage that the queues still time ended. */
function endOf(stages: readonly StageRecord[]): number {
  return Math.max(
    ...stages.map((s) => (s.started && s.duration_ms !== null ? Date.parse(s.started) + s.duration_ms : 0)),
  );
}

/** Ingest of every feed: its jobs while they are kept, else the values they left in the plan job. */
async function ingestStage(
  runtime: QueueRuntime,
  plan: Job,
  payload: PlanPayload,
): Promise<{ stage: StageRecord; rows: number | null }> {
  const ids = payload.feed_ids.map((feed) => jobIds.ingest(payload.as_of, payload.feed_ids, feed));
  const jobs = (await Promise.all(ids.map((id) => runtime.queues.ingest.getJob(id)))).filter(
    (j): j is Job => j !== undefined,
  );
  const values = Object.values(await plan.getChildrenValues()).map((v) => ingestResultSchema.safeParse(v));
  const results = values.flatMap((v) => (v.success ? [v.data] : []));
  const rows = results.length === payload.feed_ids.length ? rowsRead(results) : null;
  const stage = await stageOf('ingest', jobs, jobs.length < ids.length ? 'done' : undefined);
  return { stage, rows };
}

/** Classify, aggregate, publish and alerts of a decided run, found by their deterministic ids. */
async function laterStages(
  runtime: QueueRuntime,
  asOf: string,
  decided: z.infer<typeof planReturn>,
): Promise<StageRecord[]> {
  if (decided.action === 'unchanged') return skippedLater('skipped');
  const alertsJob = await runtime.queues.alerts.getJob(jobIds.alerts(asOf, decided.run_id));
  if (decided.action === 'already_published' || decided.action === 'held') {
    const stages = skippedLater('skipped');
    return [...stages.slice(0, -1), { ...stages.at(-1)!, status: 'done' }];
  }
  const { run_id } = decided;
  const publish = await runtime.queues.publish.getJob(jobIds.publish(run_id));
  const aggregate = await runtime.queues.aggregate.getJob(jobIds.aggregate(run_id));
  const partitions = publish ? (publishPayload.safeParse(publish.data).data?.plan.partitions ?? 0) : 0;
  const classifyIds = Array.from({ length: partitions }, (_, p) => jobIds.classify(run_id, p));
  const classify = (await Promise.all(classifyIds.map((id) => runtime.queues.classify.getJob(id)))).filter(
    (j): j is Job => j !== undefined,
  );
  // A child is removed once it completes, so a missing job under a parent still kept is done.
  const gone: StageStatus | undefined = alertsJob ? 'done' : undefined;
  return [
    await stageOf('classify', classify, classify.length < partitions || !publish ? gone : undefined),
    await stageOf('aggregate', aggregate ? [aggregate] : [], aggregate ? undefined : gone),
    await stageOf('publish', publish ? [publish] : [], publish ? undefined : gone),
    await stageOf('alerts', alertsJob ? [alertsJob] : []),
  ];
}

function skippedLater(status: 'pending' | 'skipped'): StageRecord[] {
  return pendingStages()
    .slice(2)
    .map((s) => ({ ...s, status }));
}

const STAGE_STATUS: Record<string, StageStatus> = {
  active: 'running',
  completed: 'done',
  failed: 'failed',
};

/**
 * One stage from its jobs: failed if one failed, running if one runs, done when all are; `missing`
 * counts for jobs no longer kept.
 */
async function stageOf(
  stage: Stage & StageRecord['stage'],
  jobs: Job[],
  missing?: StageStatus,
): Promise<StageRecord> {
  const states = await Promise.all(jobs.map(async (j) => STAGE_STATUS[await j.getState()] ?? 'pending'));
  if (missing) states.push(missing);
  const status: StageStatus = states.includes('failed')
    ? 'failed'
    : states.includes('running')
      ? 'running'
      : states.length > 0 && states.every((s) => s === 'done')
        ? 'done'
        : states.some((s) => s === 'done')
          ? 'running'
          : 'pending';
  const starts = jobs.map((j) => j.processedOn).filter((t): t is number => typeof t === 'number');
  const ends = jobs.map((j) => j.finishedOn).filter((t): t is number => typeof t === 'number');
  const first = starts.length > 0 ? Math.min(...starts) : null;
  const failed = jobs.find((j) => j.failedReason);
  return {
    stage,
    status,
    started: first === null ? null : new Date(first).toISOString(),
    duration_ms: first !== null && status !== 'running' && ends.length > 0 ? Math.max(...ends) - first : null,
    error: status === 'failed' ? (failed?.failedReason ?? 'failed') : null,
  };
}
