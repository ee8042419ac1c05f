import type { Evaluation } from '../alerts/evaluate.js';
import type { TargetHistory } from '../alerts/history.js';
import { formatCount, formatDate, formatPct, formatSignedPct, type Lang } from '../format/index.js';
import type { ProvincesJson } from '../indicators/schema.js';
import type { Manifest } from '../snapshot/manifest.js';
import { filesSection } from './filesSection.js';
import { escapeHtml as e } from './html.js';
import { LABELS, type Labels } from './labels.js';
import { sparkline } from './sparkline.js';
import { STYLE } from './style.js';
import { STATUS_COLOUR, targetChart, trajectoryChart } from './svg.js';

export type { Lang } from '../format/index.js';

export interface PageData {
  /** The date the page shows. */
  as_of: string;
  /** Every published date, oldest first. */
  dates: readonly string[];
  manifest: Manifest;
  provinces: ProvincesJson;
  previous: ProvincesJson | null;
  evaluations: readonly Evaluation[];
  histories: readonly TargetHistory[];
  /** DTEs per province code at every published date up to `as_of`. */
  trends: ReadonlyMap<string, ReadonlyArray<{ as_of: string; value: number }>>;
  /** Extra sections' HTML (see sections.ts), in page order. */
  sections: readonly string[];
}

/** `/?as_of=D` in the page's language: the address of a snapshot's page. */
export function pageHref(asOf: string | null, lang: Lang): string {
  const query = [asOf ? `as_of=${asOf}` : '', lang === 'en' ? 'lang=en' : ''].filter(Boolean).join('&');
  return query ? `/?${query}` : '/';
}

function delta(now: number, before: number | undefined, lang: Lang): string {
  if (before === undefined) return '–';
  const d = now - before;
  const text = formatCount(Math.abs(d), lang);
  return d > 0 ? `<span class="up">+${text}</span>` : d < 0 ? `<span class="down">−${text}</span>` : '0';
}

function provinceTable(data: PageData, t: Labels, lang: Lang): string {
  const previous = data.previous ? [...data.previous.provinces, data.previous.national] : [];
  const before = new Map(previous.map((p) => [p.code, p.dte_active]));
  const rows = [...data.provinces.provinces, data.provinces.national].map((p) => {
    const cells = [
      ['l code', t.code, e(p.code)],
      ['l name', t.province, e(p.name)],
      ['', t.enterprises, formatCount(p.enterprises_active, lang)],
      ['dte', t.dte, formatCount(p.dte_active, lang)],
      ['', t.share, formatPct(p.dte_share_pct, lang)],
      ['', t.change, delta(p.dte_active, before.get(p.code), lang)],
      ['trend', t.trend, sparkline(data.trends.get(p.code) ?? [], lang)],
    ];
    const tds = cells.map(([cls, label, html]) => `<td class="${cls}" data-label="${e(label)}">${html}</td>`);
    return `<tr${p.code === 'VN' ? ' class="nation"' : ''}>${tds.join('')}</tr>`;
  });
  const head = [t.code, t.province, t.enterprises, t.dte, t.share, t.change, t.trend]
    .map((h, i) => `<th${i < 2 ? ' class="l"' : ''} scope="col">${h}</th>`)
    .join('');
  return `<section><h2>${t.dte}</h2><table id="provinces"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function figure(cls: string, label: string, value: string): string {
  return `<div class="${cls}"><dt>${label}</dt><dd>${value}</dd></div>`;
}

function legend(history: TargetHistory | undefined, ev: Evaluation, t: Labels): string {
  const statuses = [...new Set(history?.points.map((p) => p.status) ?? [])];
  const keys = [
    `<li><i class="k actual"></i>${t.actual}</li>`,
    `<li><i class="k expected"></i>${t.expected}</li>`,
    ev.projection ? `<li><i class="k projection"></i>${t.projection}</li>` : '',
    `<li><i class="k milestone"></i>${t.milestone}</li>`,
    ...statuses.map((s) => `<li><i class="k dot" style="background:${STATUS_COLOUR[s]}"></i>${t[s]}</li>`),
  ];
  return `<ul class="legend">${keys.join('')}</ul>`;
}

function targetCard(ev: Evaluation, history: TargetHistory | undefined, t: Labels, lang: Lang): string {
  const figures = [
    figure('actual', t.actual, `<b>${formatCount(ev.actual, lang)}</b>`),
    figure('expected', t.expected, formatCount(ev.expected, lang)),
    figure('gap', t.gap, formatSignedPct(ev.gap_pct, lang, 1)),
    figure('status', t.status, `<span class="badge ${e(ev.status)}">${e(t[ev.status])}</span>`),
  ];
  const coverage =
    ev.coverage_pct !== null && ev.coverage_pct < 100
      ? `<p class="meta">${t.coverage}: ${formatPct(ev.coverage_pct, lang)}</p>`
      : '';
  const p = ev.projection;
  const projection = p
    ? `<p class="meta projection-text">${t.projection_text
        .replace('{date}', formatDate(p.next.date, lang))
        .replace('{value}', formatCount(p.projected_value_next, lang))
        .replace('{target}', formatCount(p.next.value, lang))}</p>`
    : '';
  const milestones = (history?.milestones ?? [])
    .map((m) => `${formatDate(m.date, lang)}: <b>${formatCount(m.value, lang)}</b>`)
    .join(' · ');
  const chart = !history
    ? trajectoryChart(ev.title, ev.series, { actual: t.actual, expected: t.expected }, lang)
    : targetChart(
        {
          id: ev.target_id,
          title: `${ev.territory_name}: ${ev.title}`,
          as_of: ev.as_of,
          baseline: history.baseline,
          milestones: history.milestones,
          points: history.points,
          projection: ev.projection,
        },
        lang,
      );
  return `<article class="card target" data-target="${e(ev.target_id)}"><h3>${e(ev.territory_name)}</h3>
<p class="meta">${e(ev.title)}</p><dl class="figures">${figures.join('')}</dl>${coverage}${projection}
${chart ? `<div class="chart-box">${chart}</div>${legend(history, ev, t)}` : ''}
${milestones ? `<p class="meta">${t.milestones}: ${milestones}</p>` : ''}<p class="meta source">${e(ev.source.plan)}</p></article>`;
}

function targetCards(data: PageData, t: Labels, lang: Lang): string {
  if (data.evaluations.length === 0) return '';
  const byId = new Map(data.histories.map((h) => [h.target_id, h]));
  const cards = data.evaluations.map((ev) => targetCard(ev, byId.get(ev.target_id), t, lang));
  return `<section><h2>${t.targets}</h2><div class="cards">${cards.join('')}</div></section>`;
}

/** The date picker: every published date, newest first, the shown one selected. */
function picker(dates: readonly string[], selected: string | null, lang: Lang): string {
  const t = LABELS[lang];
  const newest = dates.at(-1);
  const options = [...dates]
    .reverse()
    .map(
      (d) =>
        `<option value="${e(d)}"${d === selected ? ' selected' : ''}>${formatDate(d, lang)}${d === newest ? ` (${t.newest})` : ''}</option>`,
    );
  const keepLang = lang === 'en' ? '<input type="hidden" name="lang" value="en">' : '';
  return `<form class="picker" method="get" action="/"><label for="as-of-picker">${t.pick}</label> <select id="as-of-picker" name="as_of">${options.join('')}</select>${keepLang} <button type="submit">${t.show}</button></form>`;
}

/** Links to the pages of the dates before `current` (every date when there is none), newest first. */
function earlier(dates: readonly string[], current: string | null, lang: Lang): string {
  const t = LABELS[lang];
  const links = [...dates]
    .reverse()
    .filter((d) => current === null || d < current)
    .map((d) => `<li><a href="${e(pageHref(d, lang))}">${formatDate(d, lang)}</a></li>`);
  if (links.length === 0) return '';
  return `<nav class="earlier"><h2>${current ? t.earlier : t.published}</h2><ul>${links.join('')}</ul></nav>`;
}

function shell(
  lang: Lang,
  asOf: string | null,
  dates: readonly string[],
  head: string,
  body: string,
): string {
  const t = LABELS[lang];
  const other = pageHref(asOf, lang === 'vi' ? 'en' : 'vi');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.title}${asOf ? ` · ${formatDate(asOf, lang)}` : ''}</title><style>${STYLE}</style></head>
<body><header><h1>${t.title}</h1><p>${head} · <a href="${e(other)}" hreflang="${lang === 'vi' ? 'en' : 'vi'}">${t.other}</a></p>${dates.length ? picker(dates, asOf, lang) : ''}</header><main>${body}</main></body></html>`;
}

/** The page of one published snapshot. */
export function renderPage(data: PageData, lang: Lang): string {
  const t = LABELS[lang];
  const newest = data.dates.at(-1);
  const toNewest =
    newest && newest !== data.as_of
      ? ` · <a id="newest" href="${e(pageHref(null, lang))}">${t.newest_link} (${formatDate(newest, lang)})</a>`
      : '';
  const head = `${t.latest} <time id="as-of" datetime="${e(data.as_of)}">${formatDate(data.as_of, lang)}</time>${toNewest}`;
  const body = `${targetCards(data, t, lang)}${provinceTable(data, t, lang)}${filesSection(data.manifest, lang)}${data.sections.join('')}${earlier(data.dates, data.as_of, lang)}`;
  return shell(lang, data.as_of, data.dates, head, body);
}

/** A page that says why there is nothing to show (no snapshot yet, an unpublished or malformed date). */
export function renderMessagePage(
  kind: 'none' | 'not_found' | 'bad_date',
  asked: string | null,
  dates: readonly string[],
  lang: Lang,
): string {
  const t = LABELS[lang];
  const text =
    kind === 'none'
      ? t.none
      : `${kind === 'not_found' ? t.not_found : t.bad_date} <b>${e(kind === 'not_found' && asked ? formatDate(asked, lang) : asked)}</b>.`;
  return shell(lang, null, dates, `<span id="message">${text}</span>`, earlier(dates, null, lang));
}
