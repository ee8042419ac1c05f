import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DteError, type ErrorContext } from '../domain/errors.js';
import type { ClassifyPayload } from '../pipeline/classify.js';
import { packageRoot } from '../pipeline/packageRoot.js';
import { type ClassifyResult, classifyResultSchema } from '../pipeline/results.js';
import { threadReply } from './threadMessages.js';
import type { ThreadSpec } from './threadSpec.js';

/** Enough for partitions of a few hundred thousand rows (a national export has about 2M in 16). */
const THREAD_HEAP = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 256 };

interface Pending {
  resolve: (result: ClassifyResult) => void;
  reject: (error: Error) => void;
}

/** The compiled thread entry; absent when the code runs from source without a build. */
function threadEntry(): string | null {
  const file = path.join(packageRoot(), 'dist/src/runners/stageThread.js');
  return existsSync(file) ? file : null;
}

/**
 * Worker threads that classify partitions for an inline run, so that one process uses every core
 * the way several BullMQ workers would. Each thread takes one partition at a time; the caller
 * decides the order in which results are used, so outputs do not depend on which thread was faster.
 */
export class ClassifyThreadPool {
  private readonly threads: Worker[];
  private readonly idle: Worker[];
  private readonly queue: Array<{ payload: ClassifyPayload; pending: Pending }> = [];
  private readonly inFlight = new Map<number, { thread: Worker; pending: Pending }>();
  private nextId = 0;

  /** A pool of `size` threads, or null when threads are not worth it or cannot start. */
  static open(spec: ThreadSpec | null, size: number): ClassifyThreadPool | null {
    const entry = threadEntry();
    if (!spec || !entry || size < 2) return null;
    return new ClassifyThreadPool(entry, spec, size);
  }

  private constructor(entry: string, spec: ThreadSpec, size: number) {
    this.threads = Array.from({ length: size }, () => this.start(entry, spec));
    this.idle = [...this.threads];
  }

  private start(entry: string, spec: ThreadSpec): Worker {
    // Bounded heaps: left to itself V8 lets each thread's heap grow lazily, which doubled peak RSS.
    const thread = new Worker(entry, { workerData: spec, resourceLimits: THREAD_HEAP });
    thread.on('message', (message: unknown) => this.settle(thread, message));
    thread.on('error', (error) => this.failThread(thread, error));
    thread.on('exit', (code) => {
      if (code !== 0) this.failThread(thread, new Error(`classify thread exited with code ${code}`));
    });
    return thread;
  }

  classify(payload: ClassifyPayload): Promise<ClassifyResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ payload, pending: { resolve, reject } });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const thread = this.idle.pop()!;
      const { payload, pending } = this.queue.shift()!;
      const id = this.nextId++;
      this.inFlight.set(id, { thread, pending });
      thread.postMessage({ id, payload });
    }
  }

  private settle(thread: Worker, message: unknown): void {
    const reply = threadReply.parse(message);
    const job = this.inFlight.get(reply.id);
    if (!job) return;
    this.inFlight.delete(reply.id);
    this.idle.push(thread);
    if (reply.ok) job.pending.resolve(classifyResultSchema.parse(reply.result));
    else {
      const error = new DteError(reply.error.message, reply.error.context as ErrorContext);
      error.stack = reply.error.stack;
      job.pending.reject(error);
    }
    this.dispatch();
  }

  /** A thread that died takes its partition down with it: the run fails, as a stage error would. */
  private failThread(thread: Worker, error: Error): void {
    for (const [id, job] of this.inFlight) {
      if (job.thread !== thread) continue;
      this.inFlight.delete(id);
      job.pending.reject(error);
    }
    for (const { pending } of this.queue.splice(0)) pending.reject(error);
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.terminate()));
  }
}
