import { describe, expect, it } from 'vitest';
import { VN_HEADERS } from '../support/vnExport.js';
import { zipFile } from '../support/zipFile.js';
import { parse } from './support.js';

const COLUMNS = 'ABCDEFGHIJKL';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** A cell as hand-written XML, `c` by column letter. */
type Cell = string;
const inline = (col: string, row: number, text: string): Cell =>
  `<c r="${col}${row}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`;
const shared = (col: string, row: number, index: number): Cell =>
  `<c r="${col}${row}" t="s"><v>${index}</v></c>`;
const num = (col: string, row: number, value: number): Cell => `<c r="${col}${row}"><v>${value}</v></c>`;

function sheetXml(rows: Array<[number, Cell[]]>): string {
  const body = rows.map(([r, cells]) => `<row r="${r}">${cells.join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

function workbookXml(names: string[], date1904: boolean): string {
  const sheets = names
    .map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${date1904 ? ' date1904="1"' : ''}/><sheets>${sheets}</sheets></workbook>`;
}

function relsXml(targets: string[]): string {
  const rels = targets
    .map(
      (t, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${t}"/>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`;
}

const header = (row: number): Cell[] => VN_HEADERS.map((h, i) => inline(COLUMNS[i]!, row, h));

describe('workbooks laid out by other writers', () => {
  it('reads inline strings, shared strings after the sheets, rich and phonetic runs, escapes and the 1904 system', async () => {
    const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3"><si><t>Đang hoạt động</t></si><si><r><t>Công ty </t></r><r><rPr><b/></rPr><t>Rich</t></r><rPh sb="0" eb="1"><t>フリガナ</t></rPh></si><si><t>Thanh Hoá</t></si></sst>`;
    const row = 3;
    const data: Cell[] = [
      num('A', row, 2800000001),
      shared('B', row, 1),
      shared('C', row, 2),
      num('E', row, 42443), // 1904 system: 2020-03-15
      inline('F', row, '6201'),
      shared('H', row, 0),
      inline('I', row, 'Công ty TNHH'),
      `<c r="K${row}" t="d"><v>2025-06-01T00:00:00</v></c>`,
      inline('L', row, 'Số 1_x000D_ Lê Lợi'),
    ];
    const bytes = zipFile([
      ['[Content_Types].xml', '<Types/>'],
      ['xl/workbook.xml', workbookXml(['Notes', 'Data'], true)],
      ['xl/_rels/workbook.xml.rels', relsXml(['worksheets/sheet2.xml', '/xl/worksheets/sheet1.xml'])],
      ['xl/worksheets/sheet2.xml', sheetXml([[1, [inline('A', 1, 'ghi chú')]]])],
      [
        'xl/worksheets/sheet1.xml',
        sheetXml([
          [2, header(2)],
          [row, data],
        ]),
      ],
      ['xl/sharedStrings.xml', sst],
    ]);
    const { accepted, rejected } = await parse(bytes, { format: 'vn-dkkd-xlsx', fileName: 'other.xlsx' });
    expect(rejected).toEqual([]);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({
      enterprise_id: '2800000001',
      name: 'Công ty Rich',
      province_code: '38',
      registration_date: '2020-03-15',
      updated_at: '2025-06-01',
      status: 'active',
      line: 3,
    });
  });

  it('takes cells without references in column order, and rows without numbers after the last', async () => {
    const cells = [
      '2800000009',
      'Công ty Không Tham Chiếu',
      'Thanh Hoá',
      '',
      '15/03/2020',
      '6201',
      '',
      'Đang hoạt động',
    ];
    const plain = cells.map((t) => `<c t="inlineStr"><is><t>${esc(t)}</t></is></c>`);
    const body = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="5">${header(5).join('')}</row><row>${plain.join('')}</row></sheetData></worksheet>`;
    const bytes = zipFile([
      ['xl/workbook.xml', workbookXml(['S'], false)],
      ['xl/_rels/workbook.xml.rels', relsXml(['worksheets/sheet1.xml'])],
      ['xl/worksheets/sheet1.xml', body],
    ]);
    const { accepted } = await parse(bytes, { format: 'vn-dkkd-xlsx', fileName: 'x.xlsx' });
    expect(accepted.map((r) => [r.enterprise_id, r.line])).toEqual([['2800000009', 6]]);
  });
});
