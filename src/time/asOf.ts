import { TZDate } from '@date-fns/tz';
// One module per function: the date-fns barrel would load every function it has.
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { UsageError } from '../domain/errors.js';

export const VIETNAM_TZ = 'Asia/Ho_Chi_Minh';

/** Yesterday's date in Vietnam time: the default as-of date of a run (`spec/operations.md`). */
export function yesterdayInVietnam(now: Date = new Date()): string {
  return format(addDays(new TZDate(now.getTime(), VIETNAM_TZ), -1), 'yyyy-MM-dd');
}

/** A real calendar date in ISO form (2025-02-30 is refused). */
export function parseAsOf(value: string, flag = '--as-of'): string {
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    isValid(parseISO(value)) &&
    format(parseISO(value), 'yyyy-MM-dd') === value;
  if (!valid) throw new UsageError(`${flag} must be a date like 2025-12-31, got ${JSON.stringify(value)}`);
  return value;
}

/** Dates from `from` to `to` inclusive, stepping by day, week or month, oldest first. */
export function dateSeries(from: string, to: string, every: 'day' | 'week' | 'month'): string[] {
  const start = parseISO(parseAsOf(from, '--from'));
  const end = parseISO(parseAsOf(to, '--to'));
  if (start > end) throw new UsageError(`--from ${from} is after --to ${to}`);
  const dates: string[] = [];
  for (let i = 0; ; i++) {
    const d =
      every === 'day'
        ? addDays(start, i)
        : every === 'week'
          ? addDays(start, 7 * i)
          : addMonthsClamped(start, i);
    if (d > end) break;
    dates.push(format(d, 'yyyy-MM-dd'));
  }
  return dates;
}

/** Month steps keep month-end dates at month end (2025-01-31 → 02-28 → 03-31), as reports expect. */
function addMonthsClamped(start: Date, months: number): Date {
  const year = start.getFullYear();
  const month = start.getMonth() + months;
  const lastDay = new Date(year, month + 1, 0).getDate();
  const startIsMonthEnd = start.getDate() === new Date(year, start.getMonth() + 1, 0).getDate();
  return new Date(year, month, startIsMonthEnd ? lastDay : Math.min(start.getDate(), lastDay));
}
