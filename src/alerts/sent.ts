import { z } from 'zod';
import { alertKeys } from '../snapshot/layout.js';
import { readAll } from '../store/bodies.js';
import type { ObjectStore } from '../store/objectStore.js';
import { type Notification, notificationSchema } from './notification.js';

/** One destination of a notification as the store records it: a receipt, or an exhausted delivery. */
export interface SentDelivery {
  destination: string;
  channel: string;
  /** Who or where, redacted as in the logs (`webhook https://host/#hash`, an email list, a phone). */
  to: string;
  status: 'delivered' | 'failed';
  error?: string;
}

/** What `dte alerts sent` and the demo print: a notification of history and where it went. */
export interface SentNotification {
  id: string;
  as_of: string;
  kind: Notification['kind'];
  event: Notification['event'];
  state: string;
  subject: string;
  suppressed: Notification['suppressed'] | null;
  deliveries: SentDelivery[];
}

const recordSchema = z.object({
  channel: z.string(),
  destination: z.string(),
  to: z.string().optional(),
  error: z.string().optional(),
});

/** Every recorded notification (of `asOf`, or of every date), oldest date first, with its deliveries. */
export async function listSentNotifications(store: ObjectStore, asOf?: string): Promise<SentNotification[]> {
  const out: SentNotification[] = [];
  for (const key of await historyKeys(store, asOf)) {
    const text = (await readAll(await store.get(key))).toString('utf8');
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const n = notificationSchema.parse(JSON.parse(line));
      out.push({ ...summary(n), deliveries: await deliveriesOf(store, n.id) });
    }
  }
  return out;
}

async function historyKeys(store: ObjectStore, asOf: string | undefined): Promise<string[]> {
  if (asOf) return (await store.head(alertKeys.history(asOf))) ? [alertKeys.history(asOf)] : [];
  const keys: string[] = [];
  for await (const info of store.list(alertKeys.historyRoot)) keys.push(info.key);
  return keys;
}

function summary(n: Notification): Omit<SentNotification, 'deliveries'> {
  const about = n.evaluation.target_id ?? n.evaluation.subject;
  return {
    id: n.id,
    as_of: n.as_of,
    kind: n.kind,
    event: n.event,
    state: n.state,
    subject: typeof about === 'string' ? about : n.key,
    suppressed: n.suppressed ?? null,
  };
}

async function deliveriesOf(store: ObjectStore, id: string): Promise<SentDelivery[]> {
  const found: SentDelivery[] = [];
  for (const [prefix, status] of [
    [alertKeys.deliveriesOf(id), 'delivered'],
    [alertKeys.failuresOf(id), 'failed'],
  ] as const) {
    for await (const info of store.list(prefix)) {
      const record = recordSchema.parse(
        JSON.parse((await readAll(await store.get(info.key))).toString('utf8')),
      );
      found.push({
        destination: record.destination,
        channel: record.channel,
        to: record.to ?? record.destination,
        status,
        ...(record.error ? { error: record.error } : {}),
      });
    }
  }
  return found;
}
