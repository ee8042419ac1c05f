import { createHash } from 'node:crypto';
import type { PipelineContext } from '../context/context.js';
import { UsageError } from '../domain/errors.js';
import { loadTargets, targetsPath } from '../targets/load.js';
import type { Recipients } from '../targets/recipients.js';
import type { Target } from '../targets/schema.js';
import type { Destination } from './channels/types.js';
import { isOps, type Notification } from './notification.js';
import type { AlertSettings } from './settings.js';

const short = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 10);

/** The target a notification is about, for its `notify:` list and its chart; null for ops kinds. */
export function targetOf(ctx: PipelineContext, notification: Notification): Target | null {
  const id = notification.evaluation.target_id;
  if (isOps(notification) || typeof id !== 'string') return null;
  const { targets } = loadTargets(targetsPath(ctx.config.targets, ctx.baseDir));
  return targets.find((t) => t.id === id) ?? null;
}

/** Whose lists a notification goes to: ops to the ops route only, a target's to its own or the default. */
export function recipientsOf(
  notification: Notification,
  target: Target | null,
  settings: AlertSettings,
): Recipients {
  if (isOps(notification)) return settings.ops;
  return target?.notify ?? settings.recipients;
}

/**
 * Every destination of one notification: the log and the operator's webhook always, then the
 * route's emails (one message to the list), phones (one ZNS message each) and webhooks.
 */
export function destinationsOf(
  notification: Notification,
  target: Target | null,
  settings: AlertSettings,
): Destination[] {
  const out: Destination[] = [{ channel: 'log', id: 'log' }];
  const operator = settings.webhook.url;
  if (operator)
    out.push({
      channel: 'webhook',
      id: 'webhook',
      url: operator,
      format: settings.webhook.format,
      signed: true,
    });
  const route = recipientsOf(notification, target, settings);
  const where = target ? `target ${target.id}` : 'alerts.ops';
  if (route.emails.length > 0) {
    if (!settings.email) throw new UsageError(`${where} names emails but alerts.email is not configured`);
    const to = [...new Set(route.emails)].sort();
    out.push({ channel: 'email', id: `email-${short(to.join(','))}`, to });
  }
  if (route.phones.length > 0 && !settings.zalo)
    throw new UsageError(`${where} names phones but alerts.zalo is not configured`);
  for (const phone of [...new Set(route.phones)].sort())
    out.push({ channel: 'zalo', id: `zalo-${short(phone)}`, phone });
  const seen = new Set(operator ? [operator] : []);
  for (const hook of route.webhooks) {
    const { url, format } = typeof hook === 'string' ? { url: hook, format: 'json' as const } : hook;
    if (seen.has(url)) continue;
    seen.add(url);
    out.push({ channel: 'webhook', id: `webhook-${short(url)}`, url, format, signed: true });
  }
  return out;
}
