import { createHash } from 'node:crypto';
import { z } from 'zod';
import { dayOf } from '../trajectory/index.js';

/** The state of one alert key (a target's level, its projection, a feed's freshness or reject rate). */
export const keyStateSchema = z.object({
  state: z.string(),
  since: z.string(),
  last_notified: z.string().nullable(),
  last_evaluated: z.string(),
});
export type KeyState = z.infer<typeof keyStateSchema>;

export const alertStateSchema = z.object({
  version: z.literal(1),
  keys: z.record(z.string(), keyStateSchema),
});
export type AlertState = z.infer<typeof alertStateSchema>;

export type Event = 'firing' | 'escalated' | 'deescalated' | 'repeat' | 'resolved';

export interface Transition {
  key: string;
  from: string;
  to: string;
  event: Event;
  /** Deterministic: the same key, state, event and as-of date always give the same id. */
  id: string;
}

const SEVERITY: Record<string, number> = {
  ok: 0,
  behind: 1,
  projected_miss: 1,
  stale: 1,
  firing: 1,
  critical: 2,
};

export function notificationId(key: string, state: string, event: Event, asOf: string): string {
  return createHash('sha256').update(`${key}|${state}|${event}|${asOf}`).digest('hex').slice(0, 24);
}

/**
 * Moves one key to its state on `asOf` and says whether that is news: a change of state (firing,
 * escalated, de-escalated, resolved), or the same bad state after `repeatDays` of as-of dates. A date
 * already evaluated for the key changes nothing, so replaying a snapshot sends nothing.
 */
export function advance(
  state: AlertState,
  key: string,
  to: string,
  asOf: string,
  repeatDays: number,
): Transition | null {
  const before = state.keys[key];
  if (before && before.last_evaluated >= asOf) return null;
  const from = before?.state ?? 'ok';
  let event: Event | null = null;
  if (to !== from) {
    if (to === 'ok') event = 'resolved';
    else if (from === 'ok') event = 'firing';
    else event = (SEVERITY[to] ?? 1) > (SEVERITY[from] ?? 1) ? 'escalated' : 'deescalated';
  } else if (
    to !== 'ok' &&
    before?.last_notified &&
    dayOf(asOf) - dayOf(before.last_notified) >= repeatDays
  ) {
    event = 'repeat';
  }
  state.keys[key] = {
    state: to,
    since: to === from && before ? before.since : asOf,
    last_notified: event ? asOf : (before?.last_notified ?? null),
    last_evaluated: asOf,
  };
  return event ? { key, from, to, event, id: notificationId(key, to, event, asOf) } : null;
}
