import { formatCount, formatDate, formatPct, formatSignedPct, type Lang } from '../format/index.js';
import { formatIndicatorValue } from '../indicators/displayValue.js';
import type { Evaluation } from './evaluate.js';
import type { Event } from './lifecycle.js';

export const STATUS: Record<Lang, Record<string, string>> = {
  vi: {
    ok: 'đúng tiến độ',
    on_track: 'đúng tiến độ',
    behind: 'chậm tiến độ',
    critical: 'chậm nghiêm trọng',
    projected_miss: 'dự báo không đạt mốc tiếp theo',
    stale: 'không có dữ liệu mới',
    firing: 'vượt ngưỡng',
    not_started: 'chưa bắt đầu',
    no_data: 'không có dữ liệu',
  },
  en: {
    ok: 'on track',
    on_track: 'on track',
    behind: 'behind',
    critical: 'critical',
    projected_miss: 'projected to miss the next point',
    stale: 'stale',
    firing: 'above threshold',
    not_started: 'not started',
    no_data: 'no data',
  },
};
export const EVENT: Record<Lang, Record<Event, string>> = {
  vi: {
    firing: 'Cảnh báo',
    escalated: 'Cảnh báo nâng mức',
    deescalated: 'Cảnh báo giảm mức',
    repeat: 'Nhắc lại cảnh báo',
    resolved: 'Đã hết cảnh báo',
  },
  en: {
    firing: 'Alert',
    escalated: 'Alert escalated',
    deescalated: 'Alert eased',
    repeat: 'Alert still open',
    resolved: 'Resolved',
  },
};

/** One human line for a target notification; chat webhooks show it as it is. */
export function targetText(e: Evaluation, event: Event, state: string, lang: Lang): string {
  const head = `[${EVENT[lang][event]}] ${e.territory_name} — ${e.title}`;
  const coverage =
    e.coverage_pct !== null && e.coverage_pct < 100
      ? lang === 'vi'
        ? ` (độ phủ dữ liệu tỉnh cũ: ${formatPct(e.coverage_pct, lang)})`
        : ` (legacy-view coverage: ${formatPct(e.coverage_pct, lang)})`
      : '';
  const v = (value: number | null) => formatIndicatorValue(e.metric, value, lang);
  const p = e.projection;
  const projection = p
    ? lang === 'vi'
      ? ` Dự báo đến ${formatDate(p.next.date, lang)}: ${v(p.projected_value_next)} / mục tiêu ${v(p.next.value)}.`
      : ` Projected at ${formatDate(p.next.date, lang)}: ${v(p.projected_value_next)} against ${v(p.next.value)}.`
    : '';
  const date = formatDate(e.as_of, lang);
  const actual = v(e.actual);
  const expected = v(e.expected);
  const gap = formatSignedPct(e.gap_pct, lang, 2);
  return lang === 'vi'
    ? `${head}: ngày ${date} có ${actual}, kỳ vọng ${expected} (chênh lệch ${gap}), trạng thái: ${STATUS.vi[state] ?? state}.${coverage}${projection}`
    : `${head}: ${actual} on ${date}, expected ${expected} (gap ${gap}), status: ${STATUS.en[state] ?? state}.${coverage}${projection}`;
}

export function feedText(
  feedId: string,
  kind: 'feed_stale' | 'reject_rate',
  detail: string,
  event: Event,
  state: string,
  asOf: string,
  lang: Lang,
): string {
  const what =
    kind === 'feed_stale'
      ? lang === 'vi'
        ? 'nguồn dữ liệu không cập nhật'
        : 'feed is stale'
      : lang === 'vi'
        ? 'tỷ lệ dòng bị loại cao'
        : 'high reject rate';
  return `[${EVENT[lang][event]}] ${feedId}: ${what} (${detail}), ${lang === 'vi' ? 'ngày' : 'as of'} ${formatDate(asOf, lang)}, ${STATUS[lang][state] ?? state}.`;
}

export function staleDetail(lastSuccess: string | null, lang: Lang): string {
  if (lang === 'vi')
    return lastSuccess
      ? `lần nhận dữ liệu thành công gần nhất ${formatDate(lastSuccess, lang)}`
      : 'chưa nhận được dữ liệu';
  return lastSuccess ? `last successful ingest ${formatDate(lastSuccess, lang)}` : 'no successful ingest';
}

export function rejectDetail(
  rejected: number,
  rowsRead: number,
  pct: number,
  settings: { language: Lang; reject_rate_pct: number },
): string {
  const lang = settings.language;
  return `${formatCount(rejected, lang)}/${formatCount(rowsRead, lang)} = ${formatPct(pct, lang)} > ${formatPct(settings.reject_rate_pct, lang)}`;
}

/** What each ops kind means, as a heading. */
export const OPS_WHAT: Record<
  Lang,
  Record<'run_failed' | 'snapshot_held' | 'feed_stale' | 'reject_rate', string>
> = {
  vi: {
    run_failed: 'Lượt chạy thất bại sau mọi lần thử lại',
    snapshot_held: 'Ảnh chụp số liệu bị giữ lại, chưa công bố',
    feed_stale: 'Nguồn dữ liệu không cập nhật',
    reject_rate: 'Tỷ lệ dòng bị loại cao',
  },
  en: {
    run_failed: 'Run failed after its retries',
    snapshot_held: 'Snapshot held, not published',
    feed_stale: 'Feed is stale',
    reject_rate: 'High reject rate',
  },
};
