import { formatCount, formatDecimal, type Lang } from '../format/index.js';
import type { Manifest, ManifestOutput } from '../snapshot/manifest.js';
import { escapeHtml as e } from './html.js';
import { LABELS } from './labels.js';

interface FileKind {
  match: RegExp;
  technical: boolean;
  format: string;
  vi: string;
  en: string;
}

/** What each snapshot file is (`spec/indicators.md`, "Snapshot files"), for readers who are not its authors. */
const KINDS: FileKind[] = [
  {
    match: /^provinces\.csv$/,
    technical: false,
    format: 'CSV',
    vi: 'Chỉ tiêu của từng tỉnh/thành phố và cả nước, mở được bằng Excel',
    en: 'Indicators of every province and the nation, opens in Excel',
  },
  {
    match: /^provinces\.json$/,
    technical: false,
    format: 'JSON',
    vi: 'Các chỉ tiêu trên, dạng dữ liệu cho phần mềm khác',
    en: 'The same indicators, typed, for other software',
  },
  {
    match: /^legacy_provinces\.csv$/,
    technical: false,
    format: 'CSV',
    vi: 'Chỉ tiêu theo 63 tỉnh trước sáp nhập năm 2025',
    en: 'Indicators by the 63 provinces before the 2025 merger',
  },
  {
    match: /^legacy_provinces\.json$/,
    technical: false,
    format: 'JSON',
    vi: 'Chỉ tiêu theo tỉnh trước sáp nhập, dạng dữ liệu',
    en: 'Indicators by pre-2025 province, typed',
  },
  {
    match: /^dte_enterprises\.csv$/,
    technical: false,
    format: 'CSV',
    vi: 'Danh sách doanh nghiệp công nghệ số: mã số, tên, tỉnh, nhóm, ngành, ngày đăng ký, tình trạng',
    en: 'Every digital technology enterprise: id, name, province, category, code, registration date, status',
  },
  {
    match: /^rejects\/.+\.csv$/,
    technical: false,
    format: 'CSV',
    vi: 'Các dòng bị loại của nguồn {feed}, kèm lý do',
    en: 'Rows of feed {feed} set aside, each with its reason',
  },
  {
    match: /\.parquet$/,
    technical: false,
    format: 'Parquet',
    vi: 'Bảng {table} có kiểu dữ liệu (mã là chữ, ngày là ngày, số là số), cho DuckDB, pandas, R',
    en: 'The {table} table, typed (codes as text, dates as dates, counts as numbers), for DuckDB, pandas, R',
  },
  {
    match: /^dte_.+\.xlsx$/,
    technical: false,
    format: 'Excel',
    vi: 'Mọi bảng trong một sổ Excel, kèm trang giải thích từng cột',
    en: 'Every table in one Excel workbook, with a sheet explaining each column',
  },
  {
    match: /^rejects_summary\.csv$/,
    technical: false,
    format: 'CSV',
    vi: 'Số dòng bị loại theo nguồn và lý do',
    en: 'Rows set aside by feed and reason',
  },
  {
    match: /^README\.md$/,
    technical: false,
    format: 'Markdown',
    vi: 'Mô tả mọi tệp và cột của kỳ số liệu (tiếng Việt và tiếng Anh)',
    en: 'Every file and column of the snapshot described (Vietnamese and English)',
  },
  {
    match: /^data_dictionary\.csv$/,
    technical: false,
    format: 'CSV',
    vi: 'Từ điển dữ liệu: kiểu, đơn vị và định nghĩa của từng cột',
    en: 'Data dictionary: type, unit and definition of every column',
  },
  {
    match: /^enterprises\/part-\d+\.ndjson\.gz$/,
    technical: true,
    format: 'NDJSON (gzip)',
    vi: 'Mọi doanh nghiệp đã phân loại, phần {part}: đầu vào của kỳ sau',
    en: 'Every classified enterprise, part {part}: input of the next run',
  },
  {
    match: /^manifest\.json$/,
    technical: true,
    format: 'JSON',
    vi: 'Biên bản của kỳ: nguồn, số dòng, mã băm của từng tệp',
    en: 'The run record: sources, row counts, the hash of every file',
  },
];

const FALLBACK: FileKind = { match: /.*/, technical: true, format: '', vi: 'Tệp khác', en: 'Other file' };

/** A size as people read it: `12,3 kB`, `1,2 MB` (decimal units). */
export function formatBytes(bytes: number, lang: Lang): string {
  if (bytes < 1000) return `${formatCount(bytes, lang)} B`;
  if (bytes < 1_000_000) return `${formatDecimal(bytes / 1000, lang, 1)} kB`;
  return `${formatDecimal(bytes / 1_000_000, lang, 1)} MB`;
}

function describe(key: string, lang: Lang): { kind: FileKind; text: string } {
  const kind = KINDS.find((k) => k.match.test(key)) ?? FALLBACK;
  const feed = key.startsWith('rejects/') ? key.slice(8, -4) : '';
  const part = /part-(\d+)/.exec(key)?.[1] ?? '';
  const table = key.replace(/\.parquet$/, '.csv');
  return {
    kind,
    text: kind[lang].replace('{feed}', feed).replace('{part}', part).replace('{table}', table),
  };
}

/** One file; `file` is null for the manifest, which does not list itself. */
function item(asOf: string, key: string, file: ManifestOutput | null, lang: Lang, href: string): string {
  const { kind, text } = describe(key, lang);
  const size = file
    ? ` · ${formatBytes(file.bytes, lang)} · ${formatCount(file.rows, lang)} ${LABELS[lang].rows}`
    : '';
  const name = key.split('/').pop() ?? key;
  return `<li data-key="${e(key)}"><a href="${e(href)}" download="${e(`${asOf}_${name}`)}">${e(key)}</a> <span class="meta">${e(kind.format)}${size}</span><br><span class="desc">${e(text)}</span></li>`;
}

/** The snapshot's files, each explained; internal partitions and the manifest folded away. */
export function filesSection(manifest: Manifest, lang: Lang): string {
  const t = LABELS[lang];
  const asOf = manifest.as_of;
  const base = `/api/snapshots/${asOf}/files/`;
  const href = (key: string) => base + key.split('/').map(encodeURIComponent).join('/');
  // In the order of KINDS (what a reader wants first), then by name.
  const rank = (key: string) => {
    const i = KINDS.findIndex((k) => k.match.test(key));
    return i < 0 ? KINDS.length : i;
  };
  const files = [...manifest.outputs]
    .sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key))
    .map((o) => ({ o, technical: describe(o.key, lang).kind.technical }));
  const plain = files.filter((f) => !f.technical).map((f) => item(asOf, f.o.key, f.o, lang, href(f.o.key)));
  const technical = [
    ...files.filter((f) => f.technical).map((f) => item(asOf, f.o.key, f.o, lang, href(f.o.key))),
    item(asOf, 'manifest.json', null, lang, `/api/snapshots/${asOf}`),
  ];
  return `<section id="files"><h2>${t.files}</h2><ul class="files">${plain.join('')}</ul><details class="technical"><summary>${t.technical} (${technical.length})</summary><ul class="files">${technical.join('')}</ul></details></section>`;
}
