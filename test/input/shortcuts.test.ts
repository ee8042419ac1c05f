import { createReadStream } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIndustryCatalog } from '../../src/classify/index.js';
import { splitRecord } from '../../src/input/csvRecords.js';
import {
  cleanName,
  industryCode,
  industryCodes,
  parseCapital,
  parseDate,
  parseStatus,
  STATUS_WORDS_AS_WRITTEN,
} from '../../src/input/fields.js';
import { readRecordBatches } from '../../src/input/index.js';
import {
  capitalShortcut,
  codeListShortcut,
  codeShortcut,
  dateShortcut,
  SKIP,
  statusShortcut,
} from '../../src/input/shortcuts.js';

/** Every shortcut either steps aside or answers what the full parse answers; returns the share it answered. */
function agrees<T>(
  cells: readonly string[],
  fast: (raw: string) => T | typeof SKIP,
  full: (raw: string) => T,
) {
  let answered = 0;
  for (const cell of cells) {
    const value = fast(cell);
    if (value === SKIP) continue;
    answered++;
    expect(value, JSON.stringify(cell)).toEqual(full(cell));
  }
  return answered / cells.length;
}

const dates = new Map<number, string>();
const shortcuts = (vietnamese: boolean) => ({
  date: [(raw: string) => dateShortcut(raw, vietnamese, dates), (raw: string) => parseDate(raw, vietnamese)],
  status: [(raw: string) => statusShortcut(raw, vietnamese), (raw: string) => parseStatus(raw, vietnamese)],
});

const awkward = {
  dates: ['29/02/2023', '29/02/2024', '31/04/2024', '00/01/2020', '01/13/2020', '01/05/1899', '1899-12-31']
    .concat([
      '2024-02-29',
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      ' 01/05/2004',
      '01/05/2004 ',
      '1/5/2004',
    ])
    .concat(['01-05-2004', '2004/05/01', '01/05/20O4', '２０２４-01-01', '', '31/12/9999', '2024-1-01']),
  statuses: [
    'Đang hoạt động',
    'đang hoạt động',
    'Đang hoạt động'.normalize('NFD'),
    'Đang  hoạt động',
    ' Đã giải thể',
  ]
    .concat(['active', 'Active', 'dissolved', 'Tạm ngừng kinh doanh', 'Đã phá sản', 'x'])
    .concat(STATUS_WORDS_AS_WRITTEN.map(([w]) => w)),
  capitals: [
    '',
    '0',
    '007',
    '1.000',
    '1.000.000',
    '1,000.000',
    '1.00',
    '1000.000',
    '.100',
    '100.',
    '1 000 000',
  ]
    .concat(['999999999999999', '9999999999999999', '9.007.199.254.740.993', '-1', '1e6', ' 1.000', '1.000 '])
    .concat(['12,345,678', '1234,567', '1..000', '1.0000', '９００']),
  codes: [
    '6201',
    '62010',
    '620',
    '620101',
    '6201 - Lập trình',
    ' 6201',
    '6201x',
    '62a1',
    '',
    '0111',
    '6201;6202',
  ],
  lists: [
    '',
    '6201',
    '6201;6202',
    '6201;6201',
    '6201;',
    ';6201',
    '6201; 6202',
    '6201;62',
    '6201;620123',
  ].concat(['6201 - a;6202', ' ', '62010;6202;62010', '6201,6202', ';;']),
};

describe('cell shortcuts', () => {
  it('answer awkward cells exactly as the full parse does, or step aside', () => {
    for (const vietnamese of [true, false]) {
      const s = shortcuts(vietnamese);
      agrees(awkward.dates, s.date[0]!, s.date[1]!);
      agrees(awkward.statuses, s.status[0]!, s.status[1]!);
    }
    agrees(awkward.capitals, capitalShortcut, parseCapital);
    agrees(awkward.codes, codeShortcut, industryCode);
    agrees(awkward.lists, codeListShortcut, industryCodes);
    // Spot checks that the shortcuts do answer the common forms.
    expect(dateShortcut('01/05/2004', true, dates)).toBe('2004-05-01');
    expect(dateShortcut('29/02/2023', true, dates)).toBeNull();
    expect(capitalShortcut('9.900.000.000')).toBe(9_900_000_000);
    expect(codeShortcut('4299 - Ngành nghề theo đăng ký')).toBe('4299');
    expect(codeListShortcut('7310;4690;7310')).toEqual({ codes: ['7310', '4690'], bad: null });
  });

  it('answer most cells of a registry export, each as the full parse does', async () => {
    const file = path.resolve('fixtures/demo/national-2026-03-31.csv.gz');
    const options = {
      feedId: 'national',
      fileName: path.basename(file),
      format: 'vn-dkkd-csv' as const,
      asOf: '2026-03-31',
      industryCodes: 'auto' as const,
      industry: loadIndustryCatalog(),
      defaultProvince: null,
    };
    const columns: string[][] = [];
    for await (const batch of readRecordBatches(createReadStream(file), options)) {
      if (batch.layout.format !== 'csv') throw new Error('a CSV export');
      for (const text of batch.texts) {
        const cells = splitRecord(text, batch.layout.delimiter);
        for (const [i, cell] of (cells ?? []).entries()) {
          columns[i] = columns[i] ?? [];
          columns[i].push(cell.trim());
        }
      }
    }
    // Columns of the vn-dkkd layout: 4 registered, 5 main code, 6 other codes, 7 status, 9 capital, 10 updated.
    const s = shortcuts(true);
    expect(agrees(columns[4]!, s.date[0]!, s.date[1]!)).toBeGreaterThan(0.95);
    expect(agrees(columns[10]!, s.date[0]!, s.date[1]!)).toBeGreaterThan(0.95);
    expect(agrees(columns[5]!, codeShortcut, industryCode)).toBeGreaterThan(0.9);
    expect(agrees(columns[6]!, codeListShortcut, industryCodes)).toBeGreaterThan(0.9);
    expect(agrees(columns[7]!, s.status[0]!, s.status[1]!)).toBeGreaterThan(0.9);
    expect(agrees(columns[9]!, capitalShortcut, parseCapital)).toBeGreaterThan(0.9);
  });
});

describe('names already clean', () => {
  /** `cleanName` as it was before clean text took its shortcut. */
  const reference = (raw: string) => {
    const nfc = /[\u0300-\u036f]/.test(raw) ? raw.normalize('NFC') : raw;
    const trimmed = nfc.trim();
    return /\s\s|[\t\n\r\f\v\u00a0]/.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
  };

  it('come back as they are, and every other text is cleaned as before', () => {
    const pieces = [
      'a',
      'Ạ',
      'ô',
      'Hoà',
      ' ',
      '\t',
      '\u00a0',
      '\u0301',
      '\u3000',
      '\ufeff',
      '\u2028',
      '\x01',
      '\x85',
    ].concat(['"', '\u202f', 'Công ty', '😀']);
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const texts = [
      '',
      ' ',
      'A',
      'Công ty TNHH Phần mềm',
      ' Công ty',
      'Công ty ',
      'Công  ty',
      'Hoa\u0300 Bi\u0300nh',
    ];
    for (let i = 0; i < 5000; i++) {
      const length = next() % 6;
      texts.push(Array.from({ length }, () => pieces[next() % pieces.length]).join(''));
    }
    for (const text of texts) expect(cleanName(text), JSON.stringify(text)).toBe(reference(text));
    const clean = 'Công ty TNHH Trường Sơn Nam Việt Ba 33';
    expect(cleanName(clean)).toBe(clean);
  });
});
