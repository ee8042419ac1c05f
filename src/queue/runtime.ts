import { type FlowJob, FlowProducer, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { type ConnectOptions, connectRedis, isConnectionError, withinMs } from './connection.js';
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
    logger?: Logger,
  ) {
    this.queues = Object.fromEntries(STAGES.map((s) => [s, new Queue(s, { connection, prefix })])) as Record<
      Stage,
      Queue
    >;
    this.flows = new FlowProducer({ connection, prefix });
    // The connection reports Redis being down, once per attempt; the queues would repeat it with stacks.
    const quiet = (error: Error) => {
      if (!isConnectionError(error)) logger?.error({ error: error.message }, 'queue error');
    };
    for (const queue of Object.values(this.queues)) queue.on('error', quiet);
    this.flows.on('error', quiet);
  }

  /** `options.failFast` is for clients (serve, CLI): their commands fail while Redis is down. */
  static open(redisUrl: string, prefix: string, role = 'client', options?: ConnectOptions): QueueRuntime {
    const connection = connectRedis(redisUrl, `${prefix}:${role}:${process.pid}`, options);
    return new QueueRuntime(connection, prefix, options?.logger);
  }

  /** Whether the connection is up now: readers that must answer at once look before asking. */
  get redisUp(): boolean {
    return this.connection.status === 'ready';
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

  /** Closes the queues, without waiting on a Redis that is down. */
  async close(): Promise<void> {
    if (!this.redisUp) this.connection.disconnect();
    const closing = Promise.all([this.flows.close(), ...Object.values(this.queues).map((q) => q.close())]);
    await withinMs(closing, 2000, 'closing the queues').catch(() => undefined);
    this.connection.disconnect();
  }
}
