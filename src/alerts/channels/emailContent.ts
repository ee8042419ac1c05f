import type { Lang } from '../../format/index.js';
import type { Target } from '../../targets/schema.js';
import type { Point } from '../../trajectory/index.js';
import { type ChartInput, STATUS_COLOUR, targetChartSvg } from '../chart.js';
import { humanMessage } from '../message.js';
import type { Notification } from '../notification.js';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
  /** The target's chart (SVG), shown inline as `cid:<cid>` once rendered to PNG. */
  chart: { svg: string; cid: string } | null;
}

const esc = (v: string) =>
  v.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const FOOTER: Record<Lang, string> = {
  vi: 'Thư này do hệ thống dte-pipeline gửi tự động. Mã thông báo',
  en: 'Sent automatically by dte-pipeline. Notification id',
};
const CHART_ALT: Record<Lang, string> = { vi: 'Biểu đồ tiến độ mục tiêu', en: 'Target trajectory chart' };

/** The chart's input from a target notification's evaluation and the target's milestones. */
export function chartInputOf(n: Notification, target: Target, lang: Lang): ChartInput | null {
  const e = n.evaluation as {
    title?: string;
    territory_name?: string;
    baseline?: Point | null;
    series?: ChartInput['history'];
    projection?: ChartInput['projection'];
  };
  if (!Array.isArray(e.series) || e.series.length === 0) return null;
  return {
    title: `${e.territory_name ?? ''} — ${target.title}`,
    lang,
    as_of: n.as_of,
    baseline: e.baseline ?? target.baseline ?? null,
    milestones: target.points,
    history: e.series,
    projection: e.projection ?? null,
    tolerance_pct: target.tolerance_pct,
    critical_pct: target.critical_pct,
  };
}

/** Subject, plain text and HTML of one notification's email, in `lang`'s conventions. */
export function emailContent(n: Notification, target: Target | null, lang: Lang): EmailContent {
  const m = humanMessage(n, lang);
  const input = target ? chartInputOf(n, target, lang) : null;
  const chart = input ? { svg: targetChartSvg(input), cid: `chart-${n.id}@dte-pipeline` } : null;
  const text = [
    m.text,
    '',
    ...m.facts.map((f) => `${f.label}: ${f.value}`),
    ...(m.link ? ['', `${m.linkLabel}: ${m.link}`] : []),
    '',
    '--',
    `${FOOTER[lang]}: ${n.id}`,
    '',
  ].join('\n');
  const colour = STATUS_COLOUR[n.state === 'ok' ? 'on_track' : n.state] ?? '#333333';
  const rows = m.facts
    .map(
      (f) =>
        `<tr><th align="left" style="padding:4px 12px 4px 0;color:#555;font-weight:normal">${esc(f.label)}</th><td style="padding:4px 0">${esc(f.value)}</td></tr>`,
    )
    .join('');
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(m.title)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#222;max-width:680px">
<h1 style="font-size:18px;color:${colour}">${esc(m.title)}</h1>
<p>${esc(m.text)}</p>
<table role="presentation" style="border-collapse:collapse">${rows}</table>
${chart ? `<p><img src="cid:${chart.cid}" alt="${esc(CHART_ALT[lang])}" width="640" style="max-width:100%;height:auto"></p>` : ''}
${m.link ? `<p><a href="${esc(m.link)}">${esc(m.linkLabel)}</a></p>` : ''}
<p style="color:#777;font-size:12px">${esc(FOOTER[lang])}: ${esc(n.id)}</p>
</body></html>
`;
  return { subject: m.title, text, html, chart };
}
