import { z } from 'zod';
import { NotFoundError, UsageError } from '../domain/errors.js';
import { readJsonObject } from '../snapshot/catalog.js';
import { alertKeys } from '../snapshot/layout.js';
import type { ObjectStore } from '../store/objectStore.js';
import type { AlertState } from './lifecycle.js';
import type { Notification } from './notification.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A target's silence and acknowledgement, one object per target (`alerts/silences/<target>.json`). */
export const silenceRecordSchema = z.object({
  target_id: z.string(),
  silence: z
    .object({ until: isoDate, reason: z.string(), by: z.string(), at: z.string() })
    .nullable()
    .default(null),
  /** The alert states acknowledged, per alert key: their repeats are recorded but not sent. */
  ack: z
    .object({ states: z.record(z.string(), z.string()), by: z.string(), at: z.string(), note: z.string() })
    .nullable()
    .default(null),
});
export type SilenceRecord = z.infer<typeof silenceRecordSchema>;

export async function readSilence(store: ObjectStore, targetId: string): Promise<SilenceRecord> {
  try {
    return silenceRecordSchema.parse(await readJsonObject(store, alertKeys.silence(targetId)));
  } catch (error) {
    if (error instanceof NotFoundError) return { target_id: targetId, silence: null, ack: null };
    throw error;
  }
}

export async function writeSilence(store: ObjectStore, record: SilenceRecord): Promise<void> {
  await store.put(alertKeys.silence(record.target_id), `${JSON.stringify(record, null, 2)}\n`, {
    contentType: 'application/json',
  });
}

/** Every target's record, sorted by target id (the page and `dte alerts silences`). */
export async function listSilences(store: ObjectStore): Promise<SilenceRecord[]> {
  const keys: string[] = [];
  for await (const info of store.list(alertKeys.silencesRoot))
    if (info.key.endsWith('.json')) keys.push(info.key);
  const records: SilenceRecord[] = [];
  for (const key of keys.sort()) records.push(silenceRecordSchema.parse(await readJsonObject(store, key)));
  return records;
}

/** The target's open alert states, from the alert state: what an acknowledgement covers. */
export function openStates(state: AlertState, targetId: string): Record<string, string> {
  const prefix = `target:${targetId}:`;
  return Object.fromEntries(
    Object.entries(state.keys)
      .filter(([key, s]) => key.startsWith(prefix) && s.state !== 'ok')
      .map(([key, s]) => [key, s.state]),
  );
}

/**
 * Why a notification is not sent, if it is not: its target is silenced on its as-of date (the
 * as-of date, not the clock, so that a replay decides the same), or it repeats an acknowledged state.
 */
export function suppressionOf(
  record: SilenceRecord | undefined,
  n: Notification,
): Notification['suppressed'] | undefined {
  if (!record) return undefined;
  if (record.silence && n.as_of <= record.silence.until) return 'silenced';
  if (record.ack && n.event === 'repeat' && record.ack.states[n.key] === n.state) return 'acknowledged';
  return undefined;
}

/** Silences a target's notifications through `until` (an as-of date), recorded with who and why. */
export async function silenceTarget(
  store: ObjectStore,
  targetId: string,
  silence: { until: string; reason: string; by: string; at: string },
): Promise<SilenceRecord> {
  const record = { ...(await readSilence(store, targetId)), silence };
  await writeSilence(store, record);
  return record;
}

export async function unsilenceTarget(store: ObjectStore, targetId: string): Promise<SilenceRecord> {
  const record = { ...(await readSilence(store, targetId)), silence: null };
  await writeSilence(store, record);
  return record;
}

/** Acknowledges the target's open alerts: their repeats go quiet until the state changes. */
export async function acknowledgeTarget(
  store: ObjectStore,
  state: AlertState,
  targetId: string,
  who: { by: string; at: string; note: string },
): Promise<SilenceRecord> {
  const states = openStates(state, targetId);
  if (Object.keys(states).length === 0)
    throw new NothingToAcknowledgeError(`target ${targetId} has no open alert to acknowledge`, {
      target: targetId,
    });
  const record = { ...(await readSilence(store, targetId)), ack: { states, ...who } };
  await writeSilence(store, record);
  return record;
}

/** `dte alerts ack` on a target whose alerts are all ok. */
export class NothingToAcknowledgeError extends UsageError {}
