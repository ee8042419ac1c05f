import type { FlowJob } from 'bullmq';
import type { Config } from '../src/config/schema.js';
import type { RunTrigger } from '../src/runs/record.js';
import type { RunPlan } from '../src/stages/results.js';
import { jobIds } from './ids.js';
import { childOptions, jobOptions } from './options.js';

/**
 * First half of a run: ingest every feed, then `plan` (their parent) decides the run. The run id
 * hashes the ingested bytes, so the second half can only be built once the ingests are done.
 */
export function ingestFlow(
  asOf: string,
  feedIds: string[],
  then: string[],
  worker: Config['worker'],
  trigger: RunTrigger = 'enqueue',
): FlowJob {
  return {
    name: 'plan',
    queueName: 'plan',
    data: { as_of: asOf, feed_ids: feedIds, then, trigger },
    opts: { ...jobOptions(worker), jobId: jobIds.plan(asOf, feedIds) },
    children: feedIds.map((feedId) => ({
      name: 'ingest',
      queueName: 'ingest',
      data: { as_of: asOf, feed_id: feedId },
      opts: { ...childOptions(worker), jobId: jobIds.ingest(asOf, feedIds, feedId) },
    })),
  };
}

/** Second half: classify per partition → aggregate (their parent) → publish → evaluate alerts. */
export function runFlow(plan: RunPlan, feedIds: string[], then: string[], worker: Config['worker']): FlowJob {
  const classify: FlowJob[] = Array.from({ length: plan.partitions }, (_, partition) => ({
    name: 'classify',
    queueName: 'classify',
    data: { plan, partition },
    opts: { ...childOptions(worker), jobId: jobIds.classify(plan.run_id, partition) },
  }));
  const aggregate: FlowJob = {
    name: 'aggregate',
    queueName: 'aggregate',
    data: { plan },
    opts: { ...childOptions(worker), jobId: jobIds.aggregate(plan.run_id) },
    children: classify,
  };
  const publish: FlowJob = {
    name: 'publish',
    queueName: 'publish',
    data: { plan },
    opts: { ...childOptions(worker), jobId: jobIds.publish(plan.run_id) },
    children: [aggregate],
  };
  return {
    name: 'alerts',
    queueName: 'alerts',
    data: { as_of: plan.as_of, run_id: plan.run_id, feed_ids: feedIds, then },
    opts: { ...jobOptions(worker), jobId: jobIds.alerts(plan.as_of, plan.run_id) },
    children: [publish],
  };
}
