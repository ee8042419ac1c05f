import { z } from 'zod';
import { INDICATORS } from '../indicators/units.js';
import { recipientsSchema } from './recipients.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date yyyy-MM-dd');
const point = z.object({ date: isoDate, value: z.number().nonnegative() });

export const targetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case words joined by -'),
    title: z.string().min(1),
    source: z.object({
      plan: z.string().min(1),
      number: z.string(),
      date: isoDate,
      seed: z.string().optional(),
    }),
    territory: z.union([
      z.object({ province: z.string().regex(/^\d{2}$/) }).strict(),
      z.object({ legacy_province: z.string().regex(/^\d{2}$/) }).strict(),
      z.object({ nation: z.literal(true) }).strict(),
    ]),
    /** `indicator` is the name targets files use; `metric`, the name of 0.4, still reads. */
    indicator: z.enum(INDICATORS).optional(),
    metric: z.enum(INDICATORS).optional(),
    since: isoDate.optional(),
    baseline: point.optional(),
    start: isoDate,
    points: z.array(point).min(1),
    tolerance_pct: z.number().min(0).max(100).default(2),
    critical_pct: z.number().min(0).max(100).default(15),
    /** Who hears about this target; the alerts' default `recipients` when absent. */
    notify: recipientsSchema.optional(),
  })
  .superRefine((t, ctx) => {
    if ((t.indicator === undefined) === (t.metric === undefined))
      ctx.addIssue({ code: 'custom', path: ['indicator'], message: 'give the indicator (or metric) once' });
    if ((t.indicator ?? t.metric) === 'dte_founded_since' && !t.since)
      ctx.addIssue({ code: 'custom', path: ['since'], message: 'dte_founded_since needs a since date' });
    const dates = t.points.map((p) => p.date);
    if (dates.some((d, i) => i > 0 && d <= dates[i - 1]!))
      ctx.addIssue({ code: 'custom', path: ['points'], message: 'points must be in increasing date order' });
    if (t.critical_pct < t.tolerance_pct)
      ctx.addIssue({
        code: 'custom',
        path: ['critical_pct'],
        message: 'critical_pct must be at least tolerance_pct',
      });
  })
  .transform(({ indicator, metric, ...t }) => ({ ...t, metric: (indicator ?? metric)! }));
export type Target = z.infer<typeof targetSchema>;

export const targetsFileSchema = z.object({
  version: z.literal(1),
  targets: z.array(z.unknown()),
  not_measurable: z.array(z.object({ plan: z.string(), target: z.string(), reason: z.string() })).default([]),
});

export type TerritoryKind = 'province' | 'legacy_province' | 'nation';

/** The nation's code is `VN`, as in the snapshot's national row. */
export function territoryOf(t: Pick<Target, 'territory'>): { kind: TerritoryKind; code: string } {
  if ('province' in t.territory) return { kind: 'province', code: t.territory.province };
  if ('legacy_province' in t.territory) return { kind: 'legacy_province', code: t.territory.legacy_province };
  return { kind: 'nation', code: 'VN' };
}
