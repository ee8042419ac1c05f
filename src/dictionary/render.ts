import { CSV_BOM, csvLine } from '../csv/cell.js';
import { dictionaryColumns } from './tables.js';
import type { FileDef } from './types.js';
import { unitVi } from './units.js';

/** `data_dictionary.csv`: a row per file (column empty), then a row per column of it. */
export function dataDictionaryCsv(files: readonly FileDef[]): string {
  const lines = [csvLine(dictionaryColumns().map((c) => c.name))];
  for (const f of files) {
    lines.push(csvLine([f.file, null, null, null, null, f.vi, f.en]));
    for (const c of f.columns)
      lines.push(csvLine([f.file, c.name, c.type, c.unit, unitVi(c.unit), c.vi, c.en]));
  }
  return CSV_BOM + lines.join('');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function fileSection(f: FileDef): string[] {
  const out = [`## \`${f.file}\``, '', f.vi, '', `_${f.en}_`, ''];
  if (f.columns.length === 0) return out;
  out.push(
    '| cột / column | kiểu / type | đơn vị / unit | định nghĩa | definition |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const c of f.columns) {
    const unit = c.unit === '' ? '' : `${unitVi(c.unit)} / ${c.unit}`;
    out.push(`| \`${c.name}\` | ${c.type} | ${cell(unit)} | ${cell(c.vi)} | ${cell(c.en)} |`);
  }
  out.push('');
  return out;
}

/** The snapshot's `README.md`: what every file and column holds, in Vietnamese and English. */
export function snapshotReadme(asOf: string, ruleSetId: string, files: readonly FileDef[]): string {
  const head = [
    `# Số liệu doanh nghiệp công nghệ số ngày ${asOf} / Digital technology enterprises as of ${asOf}`,
    '',
    `Bộ quy tắc phân loại / Rule set: \`${ruleSetId}\`. Tệp CSV: UTF-8 có BOM, xuống dòng CRLF; ô bắt đầu bằng \`=\`, \`+\`, \`-\`, \`@\` được thêm \`'\` phía trước. Ô trống là không có giá trị.`,
    '',
    `_CSV files: UTF-8 with BOM, CRLF line ends; a cell starting with \`=\`, \`+\`, \`-\` or \`@\` gets a leading \`'\`. An empty cell is a missing value._`,
    '',
  ];
  return `${[...head, ...files.flatMap(fileSection)].join('\n').trimEnd()}\n`;
}
