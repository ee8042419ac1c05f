import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const CLI = path.resolve('dist/src/cli/main.js');

export interface WorkerProcess {
  child: ChildProcess;
  /** Parsed pino lines the worker has written so far. */
  lines: Array<Record<string, unknown>>;
  waitFor(
    match: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** A real `dte worker` process on the built code (`npm test` builds first). */
export function startWorkerProcess(options: {
  config: string;
  redisUrl: string;
  prefix: string;
  concurrency?: number;
  env?: Record<string, string>;
}): WorkerProcess {
  const child = spawn(
    process.execPath,
    [CLI, 'worker', '--config', options.config, '--concurrency', String(options.concurrency ?? 2)],
    {
      env: {
        ...process.env,
        REDIS_URL: options.redisUrl,
        DTE_QUEUE_PREFIX: options.prefix,
        LOG_LEVEL: 'info',
        DTE_STORE: '',
        ...options.env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const lines: Array<Record<string, unknown>> = [];
  const waiters = new Set<{
    match: (l: Record<string, unknown>) => boolean;
    resolve: (l: Record<string, unknown>) => void;
  }>();
  createInterface({ input: child.stderr! }).on('line', (text) => {
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch {
      line = { msg: text };
    }
    lines.push(line);
    for (const w of waiters) {
      if (w.match(line)) {
        waiters.delete(w);
        w.resolve(line);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    lines,
    waitFor(match, timeoutMs = 60_000) {
      const seen = lines.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `worker ${child.pid}: no matching log line in ${timeoutMs} ms; last lines: ${JSON.stringify(lines.slice(-5))}`,
            ),
          );
        }, timeoutMs);
        const waiter = {
          match,
          resolve: (l: Record<string, unknown>) => {
            clearTimeout(timer);
            resolve(l);
          },
        };
        waiters.add(waiter);
      });
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}

/** Polls until `check` gives a value (not undefined/null/false), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 60_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
