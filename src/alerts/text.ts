import { formatIndicatorValue } from '../indicators/displayValue.js';
import type { Evaluation } from './evaluate.js';
import type { Event } from './lifecycle.js';

type Lang = 'vi' | 'en';

const STATUS: Record<Lang, Record<string, string>> = {
  vi: {
    ok: 'đúng tiến độ',
    on_track: 'đúng tiến độ',
    behind: 'chậm tiến độ',
    critical: 'chậm nghiêm trọng',
    projected_miss: 'dự báo không đạt mốc tiếp theo',
    stale: 'không có dữ liệu mới',
    firing: 'vượt ngưỡng',
  },
  en: {
    ok: 'on track',
    on_track: 'on track',
    behind: 'behind',
    critical: 'critical',
    projected_miss: 'projected to miss the next point',
    stale: 'stale',
    firing: 'above threshold',
  },
};
const EVENT: Record<Lang, Record<Event, string>> = {
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

const num = (v: number | null, lang: Lang) =>
  v === null ? '-' : v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 2 });

/** One human line for a target notification; Slack/Teams incoming webhooks show it as it is. */
export function targetText(e: Evaluation, event: Event, state: string, lang: Lang): string {
  const head = `[${EVENT[lang][event]}] ${e.territory_name} — ${e.title}`;
  const coverage =
    e.coverage_pct !== null && e.coverage_pct < 100
      ? lang === 'vi'
        ? ` (độ phủ dữ liệu tỉnh cũ: ${num(e.coverage_pct, lang)}%)`
        : ` (legacy-view coverage: ${num(e.coverage_pct, lang)}%)`
      : '';
  const v = (value: number | null) => formatIndicatorValue(e.metric, value, lang);
  const projection = e.projection
    ? lang === 'vi'
      ? ` Dự báo đến ${e.projection.next.date}: ${v(e.projection.projected_value_next)} / mục tiêu ${v(e.projection.next.value)}.`
      : ` Projected at ${e.projection.next.date}: ${v(e.projection.projected_value_next)} against ${v(e.projection.next.value)}.`
    : '';
  return lang === 'vi'
    ? `${head}: ngày ${e.as_of} có ${v(e.actual)}, kỳ vọng ${v(e.expected)} (chênh lệch ${num(e.gap_pct, lang)}%), trạng thái: ${STATUS.vi[state] ?? state}.${coverage}${projection}`
    : `${head}: ${v(e.actual)} on ${e.as_of}, expected ${v(e.expected)} (gap ${num(e.gap_pct, lang)}%), status: ${STATUS.en[state] ?? state}.${coverage}${projection}`;
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
  return `[${EVENT[lang][event]}] ${feedId}: ${what} (${detail}), ${lang === 'vi' ? 'ngày' : 'as of'} ${asOf}, ${STATUS[lang][state] ?? state}.`;
}
