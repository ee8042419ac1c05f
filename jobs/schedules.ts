import type { Config } from '../src/config/schema.js';
import type { QueueRuntime } from '../src/queue/runtime.js';
import { VIETNAM_TZ } from '../src/time/asOf.js';
import { SCHEDULER_PREFIX, schedulerId } from './ids.js';

export interface ScheduleInfo {
  id: string;
  feed_id: string;
  pattern: string | null;
  tz: string | null;
  next: string | null;
}

/**
 * Makes the job schedulers match the config: one per enabled feed (cron in Vietnam time), none for
 * any other feed. Upserting an unchanged scheduler changes nothing, so sync is idempotent.
 */
export async function syncSchedules(
  runtime: QueueRuntime,
  config: Config,
): Promise<{ upserted: string[]; removed: string[] }> {
  const queue = runtime.queues.trigger;
  const wanted = config.feeds.filter((f) => f.enabled);
  const upserted: string[] = [];
  for (const feed of wanted) {
    const id = schedulerId(feed.id);
    const existing = await queue.getJobScheduler(id);
    if (existing?.pattern === feed.schedule && existing.tz === VIETNAM_TZ) continue;
    await queue.upsertJobScheduler(
      id,
      { pattern: feed.schedule, tz: VIETNAM_TZ },
      { name: 'trigger', data: { feed_id: feed.id } },
    );
    upserted.push(id);
  }
  const keep = new Set(wanted.map((f) => schedulerId(f.id)));
  const removed: string[] = [];
  for (const s of await listSchedules(runtime)) {
    if (!keep.has(s.id)) {
      await queue.removeJobScheduler(s.id);
      removed.push(s.id);
    }
  }
  return { upserted, removed };
}

export async function listSchedules(runtime: QueueRuntime): Promise<ScheduleInfo[]> {
  const schedulers = await runtime.queues.trigger.getJobSchedulers(0, -1, true);
  return schedulers
    .filter((s) => s.key.startsWith(SCHEDULER_PREFIX))
    .map((s) => ({
      id: s.key,
      feed_id: s.key.slice(SCHEDULER_PREFIX.length),
      pattern: s.pattern ?? null,
      tz: s.tz ?? null,
      next: s.next ? new Date(s.next).toISOString() : null,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export async function removeSchedule(runtime: QueueRuntime, id: string): Promise<boolean> {
  return runtime.queues.trigger.removeJobScheduler(id.startsWith(SCHEDULER_PREFIX) ? id : schedulerId(id));
}
