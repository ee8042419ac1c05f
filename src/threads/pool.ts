import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { DteError, type ErrorContext, StorageError } from '../domain/errors.js';
import { entryFile, type ThreadEntry } from './entry.js';
import { threadReply } from './messages.js';

/** Bounded heaps: left to itself V8 grows each thread's heap lazily, which doubled peak RSS. */
const THREAD_HEAP: Record<ThreadEntry, { maxYoungGenerationSizeMb: number; maxOldGenerationSizeMb: number }> =
  {
    classifyThread: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 256 },
    ingestThread: { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 256 },
  };

/**
 * Where a thread's old generation starts: V8 sizes it from the threads' small live heap and would
 * re-run full markings every few batches of the buffers they pass through (docs/performance.md).
 */
const INITIAL_OLD_GENERATION_MB = 48;

/** V8 reads this when an isolate is made and has no per-thread form, so it is set process-wide. */
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

  /** A pool of `size` threads, or null when one thread would do; a missing or stale build throws. */
  static open(entry: ThreadEntry, workerData: unknown, size: number): ThreadPool | null {
    if (size < 2) return null;
    return new ThreadPool(entry, entryFile(entry), workerData, size);
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
      // The class matters to callers (a storage failure names its stage and cause); the clone lost it.
      const Class = reply.error.name === 'StorageError' ? StorageError : DteError;
      const error = new Class(reply.error.message, reply.error.context as ErrorContext);
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
