import { existsSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { DteError, type ErrorContext } from '../domain/errors.js';
import { packageRoot } from '../pipeline/packageRoot.js';
import { threadReply } from './messages.js';

/** The thread entries, compiled: `src/threads/<name>.ts` runs from `dist/`. */
export type ThreadEntry = 'classifyThread' | 'ingestThread';

/**
 * Bounded heaps: left to itself V8 lets each thread's heap grow lazily, which doubled peak RSS.
 * Validation makes many short-lived strings: a 48 MB young generation instead of 16 MB cut its CPU
 * time by a quarter, and 32 MB did as well over a whole run; classify gains nothing from it.
 */
const THREAD_HEAP: Record<ThreadEntry, { maxYoungGenerationSizeMb: number; maxOldGenerationSizeMb: number }> =
  {
    classifyThread: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 256 },
    ingestThread: { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 256 },
  };

/**
 * Where a thread's old generation starts (V8's `--initial-old-space-size`). V8 starts a full marking
 * once the objects and buffers allocated since the last one come within a young generation of the
 * old generation's limit, and it sets that limit from the live heap, which is only 10-15 MB in
 * these threads. Each thread passes hundreds of megabytes of buffers through, so the marking ran
 * again every few batches: 9-11 full collections in each thread of a 1M run. Starting at 48 MB:
 * 2-3, for some 10 MB more peak RSS (a larger start saves one more and costs 30 MB more).
 */
const INITIAL_OLD_GENERATION_MB = 48;

/**
 * V8 reads the setting when an isolate is made, and offers no per-thread form of it (Node's
 * `resourceLimits` has none), so it is set for the process before the first thread starts; the
 * main thread's heap, already made, is not affected.
 */
function setThreadHeapStart(): void {
  setFlagsFromString(`--initial-old-space-size=${INITIAL_OLD_GENERATION_MB}`);
}

interface Pending {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

interface Queued {
  payload: unknown;
  transfer: ArrayBuffer[];
  pending: Pending;
}

/** The compiled entry; absent when the code runs from source without a build. */
function entryFile(entry: ThreadEntry): string | null {
  const file = path.join(packageRoot(), `dist/src/threads/${entry}.js`);
  return existsSync(file) ? file : null;
}

/**
 * Worker threads that each serve one request at a time, in the order given. Results come back as
 * each finishes; callers that need an order (partitions, batches) keep it themselves, so outputs
 * never depend on which thread was faster.
 */
export class ThreadPool {
  private readonly threads: Worker[];
  private readonly idle: Worker[];
  private readonly queue: Queued[] = [];
  private readonly inFlight = new Map<number, { thread: Worker; pending: Pending }>();
  private nextId = 0;
  private failure: Error | null = null;
  private closing = false;

  /** A pool of `size` threads, or null when one thread would do or the entry is not built. */
  static open(entry: ThreadEntry, workerData: unknown, size: number): ThreadPool | null {
    const file = entryFile(entry);
    if (!file || size < 2) return null;
    return new ThreadPool(entry, file, workerData, size);
  }

  private constructor(entry: ThreadEntry, file: string, workerData: unknown, size: number) {
    setThreadHeapStart();
    this.threads = Array.from({ length: size }, () => this.start(file, workerData, THREAD_HEAP[entry]));
    this.idle = [...this.threads];
  }

  get size(): number {
    return this.threads.length;
  }

  private start(file: string, workerData: unknown, resourceLimits: Worker['resourceLimits']): Worker {
    const thread = new Worker(file, { workerData, resourceLimits });
    thread.on('message', (message: unknown) => this.settle(thread, message));
    thread.on('error', (error) => this.fail(error));
    thread.on('exit', (code) => {
      if (code !== 0 && !this.closing) this.fail(new Error(`a worker thread exited with code ${code}`));
    });
    return thread;
  }

  /** `transfer`: buffers of the payload handed over to the thread rather than copied. */
  run(payload: unknown, transfer: ArrayBuffer[] = []): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ payload, transfer, pending: { resolve, reject } });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const thread = this.idle.pop()!;
      const { payload, transfer, pending } = this.queue.shift()!;
      const id = this.nextId++;
      this.inFlight.set(id, { thread, pending });
      thread.postMessage({ id, payload }, transfer);
    }
  }

  private settle(thread: Worker, message: unknown): void {
    const reply = threadReply.parse(message);
    const job = this.inFlight.get(reply.id);
    if (!job) return;
    this.inFlight.delete(reply.id);
    this.idle.push(thread);
    if (reply.ok) job.pending.resolve(reply.result);
    else {
      const error = new DteError(reply.error.message, reply.error.context as ErrorContext);
      error.stack = reply.error.stack;
      job.pending.reject(error);
    }
    this.dispatch();
  }

  /** A thread that dies takes the pool with it: every request fails, as a stage error would. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const { pending } of this.inFlight.values()) pending.reject(error);
    this.inFlight.clear();
    for (const { pending } of this.queue.splice(0)) pending.reject(error);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.threads.map((thread) => thread.terminate()));
  }
}
