import { type FlowJob, FlowProducer, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { connectRedis } from './connection.js';
import { STAGES, type Stage } from './stages.js';

/** States in which a job is still to run: enqueueing it again must change nothing. */
const PENDING = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/** The queues and the flow producer of one deployment (one Redis, one key prefix). */
export class QueueRuntime {
  readonly queues: Record<Stage, Queue>;
  readonly flows: FlowProducer;

  private constructor(
    readonly connection: Redis,
    readonly prefix: string,
  ) {
    this.queues = Object.fromEntries(STAGES.map((s) => [s, new Queue(s, { connection, prefix })])) as Record<
      Stage,
      Queue
    >;
    this.flows = new FlowProducer({ connection, prefix });
  }

  static open(redisUrl: string, prefix: string, role = 'client'): QueueRuntime {
    return new QueueRuntime(connectRedis(redisUrl, `${prefix}:${role}:${process.pid}`), prefix);
  }

  /**
   * Adds a flow unless its root job is still pending. A finished root (completed or failed) is
   * removed with its children first, so a rerun really runs again.
   */
  async addFlowOnce(flow: FlowJob): Promise<'added' | 'already_queued'> {
    const jobId = flow.opts?.jobId;
    if (!jobId) throw new Error(`flow ${flow.name} has no job id`);
    const queue = this.queues[flow.queueName as Stage];
    const existing = await queue.getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      if (PENDING.has(state)) return 'already_queued';
      await existing.remove({ removeChildren: true });
    }
    await this.flows.add(flow);
    return 'added';
  }

  async close(): Promise<void> {
    await this.flows.close();
    await Promise.all(Object.values(this.queues).map((q) => q.close()));
    this.connection.disconnect();
  }
}
