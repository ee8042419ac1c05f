import type { Evaluation } from '../alerts/evaluate.js';
import type { SilenceRecord } from '../alerts/silences.js';
import type { ProvincesJson } from '../indicators/schema.js';
import type { Manifest, SnapshotPointer } from '../snapshot/manifest.js';
import { escapeHtml as e } from './html.js';
import { silencesSection } from './silencesSection.js';
import { trajectoryChart } from './svg.js';

export type Lang = 'vi' | 'en';

const L = {
  vi: {
    title: 'Doanh nghiệp công nghệ số theo tỉnh',
    latest: 'Số liệu đến ngày',
    none: 'Chưa có kỳ số liệu nào được công bố.',
    code: 'Mã',
    province: 'Tỉnh/thành phố',
    enterprises: 'Doanh nghiệp đang hoạt động',
    dte: 'Doanh nghiệp công nghệ số',
    share: 'Tỷ lệ (%)',
    change: 'Thay đổi so với kỳ trước',
    targets: 'Mục tiêu theo kế hoạch',
    actual: 'Thực tế',
    expected: 'Kỳ vọng',
    gap: 'Chênh lệch',
    status: 'Trạng thái',
    files: 'Tệp số liệu của kỳ này',
    earlier: 'Các kỳ trước',
    on_track: 'Đúng tiến độ',
    behind: 'Chậm tiến độ',
    critical: 'Chậm nghiêm trọng',
    not_started: 'Chưa bắt đầu',
    no_data: 'Không có dữ liệu',
    coverage: 'độ phủ',
    projection: 'Dự báo',
    other: 'English',
  },
  en: {
    title: 'Digital technology enterprises by province',
    latest: 'Data as of',
    none: 'No snapshot has been published yet.',
    code: 'Code',
    province: 'Province',
    enterprises: 'Active enterprises',
    dte: 'Digital technology enterprises',
    share: 'Share (%)',
    change: 'Change since previous',
    targets: 'Plan targets',
    actual: 'Actual',
    expected: 'Expected',
    gap: 'Gap',
    status: 'Status',
    files: 'Files of this snapshot',
    earlier: 'Earlier snapshots',
    on_track: 'On track',
    behind: 'Behind',
    critical: 'Critical',
    not_started: 'Not started',
    no_data: 'No data',
    coverage: 'coverage',
    projection: 'Projection',
    other: 'Tiếng Việt',
  },
} as const;

export interface PageData {
  latest: SnapshotPointer | null;
  provinces: ProvincesJson | null;
  previous: ProvincesJson | null;
  manifest: Manifest | null;
  evaluations: Evaluation[];
  snapshots: SnapshotPointer[];
  silences?: SilenceRecord[];
}

const STYLE = `
*{box-sizing:border-box}body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
header{background:#0b4f8a;color:#fff;padding:16px 20px}header h1{margin:0;font-size:1.3rem}header p{margin:4px 0 0}
header a{color:#cfe3ff}main{max-width:1100px;margin:0 auto;padding:12px}section{background:#fff;border-radius:8px;padding:12px 16px;margin:12px 0;box-shadow:0 1px 2px #0002}
h2{font-size:1.1rem;margin:4px 0 10px}.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{padding:6px 8px;border-bottom:1px solid #e3e6ea;text-align:right;white-space:nowrap}th{background:#eef2f6;position:sticky;top:0}
td.l,th.l{text-align:left}tr.nation td{font-weight:700;border-top:2px solid #0b4f8a}.up{color:#137333}.down{color:#b3261e}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:12px}.card{border:1px solid #e3e6ea;border-radius:8px;padding:10px}
.card h3{font-size:1rem;margin:0 0 4px}.meta{color:#5f6b7a;font-size:.85rem;margin:2px 0}.badge{display:inline-block;padding:2px 8px;border-radius:10px;font-size:.8rem;font-weight:600;color:#fff}
.on_track{background:#137333}.behind{background:#b06000}.critical{background:#b3261e}.not_started,.no_data{background:#5f6b7a}
svg.chart{width:100%;height:auto;font-size:11px}svg .grid{stroke:#e3e6ea}svg .actual{fill:none;stroke:#0b4f8a;stroke-width:2.5}svg .expected{fill:none;stroke:#b06000;stroke-width:2;stroke-dasharray:6 4}
svg .actual-dot{fill:#0b4f8a}svg .actual-key{fill:#0b4f8a}svg .expected-key{fill:#b06000}ul.files{columns:2;padding-left:18px}@media (max-width:600px){ul.files{columns:1}header h1{font-size:1.1rem}}
`;

function delta(now: number, before: number | undefined): string {
  if (before === undefined) return '–';
  const d = now - before;
  return d > 0 ? `<span class="up">+${d}</span>` : d < 0 ? `<span class="down">${d}</span>` : '0';
}

const n = (v: number | null | undefined) =>
  v === null || v === undefined ? '–' : String(Math.round(v * 100) / 100);

function provinceTable(data: PageData, t: (typeof L)[Lang]): string {
  if (!data.provinces) return '';
  const before = new Map(
    [...(data.previous?.provinces ?? []), ...(data.previous ? [data.previous.national] : [])].map((p) => [
      p.code,
      p.dte_active,
    ]),
  );
  const rows = [...data.provinces.provinces, data.provinces.national].map(
    (p) =>
      `<tr${p.code === 'VN' ? ' class="nation"' : ''}><td class="l">${e(p.code)}</td><td class="l">${e(p.name)}</td><td>${p.enterprises_active}</td><td>${p.dte_active}</td><td>${n(p.dte_share_pct)}</td><td>${delta(p.dte_active, before.get(p.code))}</td></tr>`,
  );
  return `<section><h2>${t.dte}</h2><div class="scroll"><table id="provinces"><thead><tr><th class="l">${t.code}</th><th class="l">${t.province}</th><th>${t.enterprises}</th><th>${t.dte}</th><th>${t.share}</th><th>${t.change}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`;
}

function targetCards(data: PageData, t: (typeof L)[Lang]): string {
  if (data.evaluations.length === 0) return '';
  const cards = data.evaluations.map((ev) => {
    const coverage =
      ev.coverage_pct !== null && ev.coverage_pct < 100 ? ` · ${t.coverage} ${n(ev.coverage_pct)}%` : '';
    const projection = ev.projection
      ? `<p class="meta">${t.projection}: ${n(ev.projection.projected_value_next)} / ${n(ev.projection.next.value)} (${e(ev.projection.next.date)})</p>`
      : '';
    const chart = trajectoryChart(`${ev.target_id}: ${ev.title}`, ev.series, {
      actual: t.actual,
      expected: t.expected,
    });
    return `<div class="card target" data-target="${e(ev.target_id)}"><h3>${e(ev.territory_name)} <span class="badge ${e(ev.status)}">${e(t[ev.status])}</span></h3>
<p class="meta">${e(ev.title)}</p><p class="meta">${e(ev.source.plan)}</p>
<p class="meta">${t.actual}: <b>${n(ev.actual)}</b> · ${t.expected}: ${n(ev.expected)} · ${t.gap}: ${n(ev.gap_pct)}%${coverage}</p>${projection}${chart}</div>`;
  });
  return `<section><h2>${t.targets}</h2><div class="cards">${cards.join('')}</div></section>`;
}

function files(data: PageData, t: (typeof L)[Lang]): string {
  if (!data.manifest || !data.latest) return '';
  const base = `/api/snapshots/${data.latest.as_of}/files/`;
  const items = [...data.manifest.outputs.map((o) => o.key), 'manifest.json'].map(
    (k) =>
      `<li><a href="${k === 'manifest.json' ? `/api/snapshots/${data.latest!.as_of}` : base + k.split('/').map(encodeURIComponent).join('/')}">${e(k)}</a></li>`,
  );
  const earlier = data.snapshots
    .filter((s) => s.as_of !== data.latest!.as_of)
    .reverse()
    .map((s) => `<li><a href="/api/snapshots/${e(s.as_of)}">${e(s.as_of)}</a></li>`);
  return `<section><h2>${t.files}</h2><ul class="files">${items.join('')}</ul>${earlier.length ? `<h2>${t.earlier}</h2><ul class="files">${earlier.join('')}</ul>` : ''}</section>`;
}

export function renderPage(data: PageData, lang: Lang): string {
  const t = L[lang];
  const other = lang === 'vi' ? '?lang=en' : '?lang=vi';
  const head = data.latest
    ? `${t.latest} <b id="as-of">${e(data.latest.as_of)}</b> · <a href="${other}">${t.other}</a>`
    : t.none;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.title}</title><style>${STYLE}</style></head>
<body><header><h1>${t.title}</h1><p>${head}</p></header><main>${targetCards(data, t)}${provinceTable(data, t)}${silencesSection(data.silences ?? [], lang, data.latest?.as_of ?? null)}${files(data, t)}</main></body></html>`;
}
