import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { z } from 'zod';
import type { PipelineContext } from '../context/context.js';
import { AlreadyRunningError, EarlierDateRunningError, NotFoundError } from '../domain/errors.js';
import { leaseKeys } from '../snapshot/layout.js';
import { readAll } from '../store/bodies.js';

const leaseSchema = z.strictObject({
  as_of: z.string(),
  holder: z.string(),
  host: z.string(),
  pid: z.number().int(),
  started_at: z.string(),
  expires_at: z.string(),
});
type LeaseRecord = z.infer<typeof leaseSchema>;

export interface LeaseOptions {
  /** A lease not renewed for this long is stale (its holder died on another machine). */
  ttlMs?: number;
}

const DEFAULT_TTL_MS = 60_000;

/**
 * The inline run's hold on its as-of date, an object created exclusively in the store
 * (`leases/<as_of>.json`), renewed while the run lasts and removed at its end. A lease whose process
 * is gone (same host) or that was not renewed within its time (any host) is stale and taken over.
 */
export class DateLease {
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly ctx: PipelineContext,
    private readonly record: LeaseRecord,
    private readonly ttlMs: number,
  ) {}

  /** Takes the date's lease, or throws: `already running` for the same date, or an earlier date in progress. */
  static async acquire(ctx: PipelineContext, asOf: string, options: LeaseOptions = {}): Promise<DateLease> {
    const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    const now = Date.now();
    const record: LeaseRecord = {
      as_of: asOf,
      holder: `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`,
      host: hostname(),
      pid: process.pid,
      started_at: new Date(now).toISOString(),
      expires_at: new Date(now + ttlMs).toISOString(),
    };
    const key = leaseKeys.lease(asOf);
    if (!(await ctx.store.putIfAbsent(key, JSON.stringify(record)))) {
      const other = await readSettled(ctx, key);
      if (other && !isStale(other)) throw alreadyRunning(other, key);
      ctx.logger.warn({ asOf, key, holder: other?.holder }, 'taking over a stale lease');
      await ctx.store.delete(key);
      if (!(await ctx.store.putIfAbsent(key, JSON.stringify(record)))) {
        const winner = await readSettled(ctx, key);
        throw alreadyRunning(winner ?? record, key);
      }
    }
    const lease = new DateLease(ctx, record, ttlMs);
    try {
      await lease.refuseAfterEarlierDates();
    } catch (error) {
      await lease.release();
      throw error;
    }
    lease.timer = setInterval(() => void lease.renew(), Math.max(100, Math.floor(ttlMs / 3)));
    lease.timer.unref();
    return lease;
  }

  /** An earlier date in progress would publish after this one had chosen its previous snapshot. */
  private async refuseAfterEarlierDates(): Promise<void> {
    for await (const info of this.ctx.store.list(leaseKeys.root)) {
      const other = await readLease(this.ctx, info.key);
      if (!other || other.as_of >= this.record.as_of || isStale(other)) continue;
      throw new EarlierDateRunningError(
        `the run of ${this.record.as_of} cannot start while the run of the earlier date ${other.as_of} is in progress (since ${other.started_at}): run it again once that one has finished`,
        { asOf: this.record.as_of, earlier: other.as_of, holder: other.holder, key: info.key },
      );
    }
  }

  private async renew(): Promise<void> {
    const key = leaseKeys.lease(this.record.as_of);
    try {
      const current = await readLease(this.ctx, key);
      if (current?.holder !== this.record.holder) return;
      const renewed = { ...this.record, expires_at: new Date(Date.now() + this.ttlMs).toISOString() };
      await this.ctx.store.put(key, JSON.stringify(renewed), { contentType: 'application/json' });
    } catch (error) {
      this.ctx.logger.warn({ err: error, key }, 'could not renew the lease');
    }
  }

  /** Removes the lease if it is still this run's; never throws. */
  async release(): Promise<void> {
    clearInterval(this.timer);
    const key = leaseKeys.lease(this.record.as_of);
    try {
      const current = await readLease(this.ctx, key);
      if (current?.holder === this.record.holder) await this.ctx.store.delete(key);
    } catch (error) {
      this.ctx.logger.warn({ err: error, key }, 'could not remove the lease');
    }
  }
}

async function readLease(ctx: PipelineContext, key: string): Promise<LeaseRecord | null> {
  try {
    const parsed = leaseSchema.safeParse(
      JSON.parse((await readAll(await ctx.store.get(key))).toString('utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    // Unreadable: a lease being written this instant (`readSettled` waits for it), or garbage.
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

/** The lease once its writer has finished writing it: an empty or half-written file is read again. */
async function readSettled(ctx: PipelineContext, key: string): Promise<LeaseRecord | null> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const lease = await readLease(ctx, key);
    if (lease || !(await ctx.store.head(key))) return lease;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return null;
}

/** Past its time, or held by a process of this machine that no longer exists. */
function isStale(lease: LeaseRecord): boolean {
  if (Date.parse(lease.expires_at) < Date.now()) return true;
  return lease.host === hostname() && !processExists(lease.pid);
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function alreadyRunning(other: LeaseRecord, key: string): AlreadyRunningError {
  return new AlreadyRunningError(
    `already running: the run of ${other.as_of} started at ${other.started_at} on ${other.host} (pid ${other.pid}) holds its lease`,
    { asOf: other.as_of, holder: other.holder, key },
  );
}

/** The as-of dates whose lease is live: a run of them is in progress, so their work is not orphaned. */
export async function liveLeaseDates(ctx: PipelineContext): Promise<Set<string>> {
  const dates = new Set<string>();
  for await (const info of ctx.store.list(leaseKeys.root)) {
    const lease = await readLease(ctx, info.key);
    if (lease && !isStale(lease)) dates.add(lease.as_of);
  }
  return dates;
}
