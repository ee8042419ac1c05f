import type { PipelineContext } from '../context/context.js';
import { NotFoundError } from '../domain/errors.js';
import { listPublished, readJsonObject, readManifest } from '../snapshot/catalog.js';
import { alertKeys } from '../snapshot/layout.js';
import type { Manifest } from '../snapshot/manifest.js';
import { dayOf } from '../trajectory/index.js';
import { mapTargets } from './eachTarget.js';
import { type Evaluation, evaluateTarget } from './evaluate.js';
import { type AlertState, advance, alertStateSchema, type Transition } from './lifecycle.js';
import type { Notification } from './notification.js';
import { type AlertSettings, alertSettings } from './settings.js';
import { readSilence, type SilenceRecord, suppressionOf } from './silences.js';
import { feedText, rejectDetail, staleDetail, targetText } from './text.js';

export interface AlertsOutcome {
  as_of: string;
  evaluations: Evaluation[];
  /** Only the new ones: a replay of the same snapshot returns none. */
  notifications: Notification[];
}

export async function readState(ctx: PipelineContext): Promise<AlertState> {
  try {
    return alertStateSchema.parse(await readJsonObject(ctx.store, alertKeys.state));
  } catch (error) {
    if (error instanceof NotFoundError) return { version: 1, keys: {} };
    throw error;
  }
}

/** Every measurable target evaluated on the published snapshot of a date (no state change). */
export async function evaluateTargets(ctx: PipelineContext, asOf: string): Promise<Evaluation[]> {
  return mapTargets(ctx, (target, published) => evaluateTarget(ctx.store, published, target, asOf));
}

function link(settings: AlertSettings, asOf: string): string | null {
  return settings.snapshot_url ? settings.snapshot_url.replaceAll('{as_of}', asOf) : null;
}

function targetNotifications(
  state: AlertState,
  evaluations: Evaluation[],
  settings: AlertSettings,
  asOf: string,
): Notification[] {
  const out: Notification[] = [];
  for (const e of evaluations) {
    if (e.status === 'no_data' || e.status === 'not_started') continue;
    const level = e.status === 'on_track' ? 'ok' : e.status;
    const moves: Array<[Transition | null, Notification['kind']]> = [
      [
        advance(state, `target:${e.target_id}:level`, level, asOf, settings.repeat_interval_days),
        level === 'critical' ? 'critical' : 'behind',
      ],
      [
        advance(
          state,
          `target:${e.target_id}:projection`,
          e.projection?.projected_miss ? 'projected_miss' : 'ok',
          asOf,
          settings.repeat_interval_days,
        ),
        'projected_miss',
      ],
    ];
    for (const [t, kind] of moves) {
      if (!t) continue;
      out.push({
        id: t.id,
        key: t.key,
        kind,
        event: t.event,
        state: t.to,
        as_of: asOf,
        text: targetText(e, t.event, t.to, settings.language),
        link: link(settings, asOf),
        evaluation: { ...e },
      });
    }
  }
  return out;
}

/** `feed_stale` (no successful ingest for too long) and `reject_rate`, from the published manifests. */
async function feedNotifications(
  ctx: PipelineContext,
  state: AlertState,
  settings: AlertSettings,
  asOf: string,
  manifests: Manifest[],
): Promise<Notification[]> {
  const out: Notification[] = [];
  const current = manifests.find((m) => m.as_of === asOf);
  for (const feed of ctx.config.feeds.filter((f) => f.enabled)) {
    const last = [...manifests]
      .reverse()
      .find((m) => m.as_of <= asOf && m.inputs.some((i) => i.feed_id === feed.id));
    const hours = last ? (dayOf(asOf) - dayOf(last.as_of)) * 24 : Number.POSITIVE_INFINITY;
    const stale = hours > settings.stale_after_hours;
    const t = advance(
      state,
      `feed:${feed.id}:stale`,
      stale ? 'stale' : 'ok',
      asOf,
      settings.repeat_interval_days,
    );
    const detail = staleDetail(last?.as_of ?? null, settings.language);
    if (t)
      out.push({
        id: t.id,
        key: t.key,
        kind: 'feed_stale',
        event: t.event,
        state: t.to,
        as_of: asOf,
        text: feedText(feed.id, 'feed_stale', detail, t.event, t.to, asOf, settings.language),
        link: link(settings, asOf),
        evaluation: { feed_id: feed.id, last_success: last?.as_of ?? null, hours },
      });
  }
  for (const input of current?.inputs ?? []) {
    const pct = input.rows_read === 0 ? 0 : (100 * input.rejected) / input.rows_read;
    const t = advance(
      state,
      `feed:${input.feed_id}:reject_rate`,
      pct > settings.reject_rate_pct ? 'firing' : 'ok',
      asOf,
      settings.repeat_interval_days,
    );
    const detail = rejectDetail(input.rejected, input.rows_read, pct, settings);
    if (t)
      out.push({
        id: t.id,
        key: t.key,
        kind: 'reject_rate',
        event: t.event,
        state: t.to,
        as_of: asOf,
        text: feedText(input.feed_id, 'reject_rate', detail, t.event, t.to, asOf, settings.language),
        link: link(settings, asOf),
        evaluation: {
          feed_id: input.feed_id,
          rejected: input.rejected,
          rows_read: input.rows_read,
          reject_pct: Math.round(pct * 100) / 100,
        },
      });
  }
  return out;
}

/**
 * The alerts stage: evaluates every target on the snapshot of `as_of`, moves the alert state and
 * records the new notifications in `alerts/history/<as_of>.ndjson`. Deterministic and idempotent.
 */
export async function evaluateAlerts(
  ctx: PipelineContext,
  payload: { as_of: string },
): Promise<AlertsOutcome> {
  const settings = alertSettings(ctx.config.alerts);
  const asOf = payload.as_of;
  const evaluations = await evaluateTargets(ctx, asOf);
  const state = await readState(ctx);
  const manifests: Manifest[] = [];
  for (const p of await listPublished(ctx.store)) {
    const m = await readManifest(ctx.store, p);
    if (m) manifests.push(m);
  }
  const notifications = await markSuppressed(ctx, [
    ...targetNotifications(state, evaluations, settings, asOf),
    ...(await feedNotifications(ctx, state, settings, asOf, manifests)),
  ]);
  if (notifications.length > 0) {
    const previous = await ctx.store.get(alertKeys.history(asOf)).then(
      async (s) => (await import('../store/bodies.js')).readAll(s),
      () => Buffer.alloc(0),
    );
    const lines = notifications.map((n) => `${JSON.stringify(n)}\n`).join('');
    await ctx.store.put(alertKeys.history(asOf), Buffer.concat([previous, Buffer.from(lines)]), {
      contentType: 'application/x-ndjson',
    });
  }
  await ctx.store.put(alertKeys.state, `${JSON.stringify(sortKeys(state), null, 2)}\n`, {
    contentType: 'application/json',
  });
  ctx.logger.info(
    { stage: 'alerts', asOf, targets: evaluations.length, notifications: notifications.length },
    'alerts evaluated',
  );
  return { as_of: asOf, evaluations, notifications };
}

/** Silenced targets' and acknowledged repeats' notifications stay in history, marked, and are not sent. */
async function markSuppressed(ctx: PipelineContext, notifications: Notification[]): Promise<Notification[]> {
  const records = new Map<string, SilenceRecord>();
  for (const n of notifications) {
    const id = n.evaluation.target_id;
    if (typeof id === 'string' && !records.has(id)) records.set(id, await readSilence(ctx.store, id));
  }
  return notifications.map((n) => {
    const suppressed = suppressionOf(records.get(String(n.evaluation.target_id)), n);
    return suppressed ? { ...n, suppressed } : n;
  });
}

function sortKeys(state: AlertState): AlertState {
  return {
    version: 1,
    keys: Object.fromEntries(Object.entries(state.keys).sort(([a], [b]) => a.localeCompare(b))),
  };
}
