import type { PipelineContext } from '../context/context.js';
import type { Lang } from '../format/index.js';
import { formatDate } from '../format/index.js';
import { alertKeys } from '../snapshot/layout.js';
import { readAll } from '../store/bodies.js';
import { notificationId } from './lifecycle.js';
import type { Notification } from './notification.js';
import { OPS_WHAT } from './text.js';

export type OpsKind = 'run_failed' | 'snapshot_held' | 'feed_stale' | 'reject_rate';

export interface OpsEvent {
  kind: OpsKind;
  as_of: string;
  /** What it is about: a run id, a feed id; part of the notification id. */
  subject: string;
  /** One line for people, e.g. the error after the last retry or why the snapshot was held. */
  detail: string;
  facts?: Record<string, string | number | boolean | null>;
}

/** The ops notification of an event; its id is deterministic, so a retried stage sends it once. */
export function opsNotification(event: OpsEvent, lang: Lang, link: string | null): Notification {
  const key = `ops:${event.kind}:${event.subject}`;
  return {
    id: notificationId(key, 'firing', 'firing', event.as_of),
    key,
    kind: event.kind,
    event: 'firing',
    state: 'firing',
    as_of: event.as_of,
    text: `[${OPS_WHAT[lang][event.kind]}] ${event.subject}, ${lang === 'vi' ? 'ngày' : 'as of'} ${formatDate(event.as_of, lang)}: ${event.detail}`,
    link,
    evaluation: { subject: event.subject, detail: event.detail, ...event.facts },
  };
}

/** Appends the notification to its date's history, once: a retried stage does not repeat it. */
export async function recordInHistory(ctx: PipelineContext, n: Notification): Promise<void> {
  const key = alertKeys.history(n.as_of);
  const previous = await ctx.store.get(key).then(readAll, () => Buffer.alloc(0));
  if (previous.toString('utf8').includes(`"id":"${n.id}"`)) return;
  await ctx.store.put(key, Buffer.concat([previous, Buffer.from(`${JSON.stringify(n)}\n`)]), {
    contentType: 'application/x-ndjson',
  });
}
