import { formatCount, formatDate, formatPct, formatSignedPct, type Lang } from '../format/index.js';
import { isOps, type Notification } from './notification.js';
import { EVENT, OPS_WHAT, STATUS } from './text.js';

/** A notification as people read it, whatever the medium: a title, labelled facts, a link. */
export interface HumanMessage {
  title: string;
  /** The notification's one-line text. */
  text: string;
  facts: Array<{ label: string; value: string }>;
  link: string | null;
  linkLabel: string;
  status: string;
  ops: boolean;
}

const LABELS: Record<Lang, Record<string, string>> = {
  vi: {
    territory: 'Địa bàn',
    target: 'Mục tiêu',
    as_of: 'Ngày số liệu',
    actual: 'Thực tế',
    expected: 'Kỳ vọng',
    gap: 'Chênh lệch',
    status: 'Trạng thái',
    projection: 'Dự báo',
    coverage: 'Độ phủ dữ liệu tỉnh cũ',
    link: 'Xem trang số liệu',
  },
  en: {
    territory: 'Territory',
    target: 'Target',
    as_of: 'As of',
    actual: 'Actual',
    expected: 'Expected',
    gap: 'Gap',
    status: 'Status',
    projection: 'Projection',
    coverage: 'Legacy-view coverage',
    link: 'Open the page',
  },
};

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The facts of a target notification, from its evaluation, in the language's conventions. */
function targetFacts(n: Notification, lang: Lang): HumanMessage['facts'] {
  const e = n.evaluation;
  const l = LABELS[lang];
  const facts = [
    { label: l.territory ?? '', value: str(e.territory_name) },
    { label: l.target ?? '', value: str(e.title) },
    { label: l.as_of ?? '', value: formatDate(n.as_of, lang) },
    { label: l.actual ?? '', value: formatCount(num(e.actual), lang) },
    { label: l.expected ?? '', value: formatCount(num(e.expected), lang) },
    { label: l.gap ?? '', value: formatSignedPct(num(e.gap_pct), lang, 2) },
    { label: l.status ?? '', value: STATUS[lang][str(e.status)] ?? str(e.status) },
  ];
  const p = e.projection as { next?: { date: string; value: number }; projected_value_next?: number } | null;
  if (p?.next)
    facts.push({
      label: l.projection ?? '',
      value: `${formatCount(num(p.projected_value_next), lang)} / ${formatCount(p.next.value, lang)} (${formatDate(p.next.date, lang)})`,
    });
  const coverage = num(e.coverage_pct);
  if (coverage !== null && coverage < 100)
    facts.push({ label: l.coverage ?? '', value: formatPct(coverage, lang) });
  return facts;
}

/** Ops facts are whatever the notification carries, one per field, numbers formatted. */
function opsFacts(n: Notification, lang: Lang): HumanMessage['facts'] {
  const facts = [{ label: LABELS[lang].as_of ?? '', value: formatDate(n.as_of, lang) }];
  for (const [key, value] of Object.entries(n.evaluation)) {
    if (value === null || typeof value === 'object') continue;
    facts.push({ label: key, value: typeof value === 'number' ? formatCount(value, lang) : String(value) });
  }
  return facts;
}

export function humanMessage(n: Notification, lang: Lang): HumanMessage {
  const ops = isOps(n);
  const e = n.evaluation;
  const kind = OPS_WHAT[lang][n.kind as keyof (typeof OPS_WHAT)['vi']];
  const where = ops ? `${kind}: ${str(e.feed_id) || str(e.subject) || n.key}` : str(e.territory_name);
  const status = STATUS[lang][n.state] ?? n.state;
  return {
    title: `${EVENT[lang][n.event]} — ${where} (${status})`,
    text: n.text,
    facts: ops ? opsFacts(n, lang) : targetFacts(n, lang),
    link: n.link,
    linkLabel: LABELS[lang].link ?? '',
    status: n.state,
    ops,
  };
}
