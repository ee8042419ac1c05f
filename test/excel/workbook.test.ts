import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import readXlsxFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../support/csvTable.js';
import { publishSmall, type SmallSnapshot } from '../support/smallSnapshot.js';

const run = promisify(execFile);
const AS_OF = '2025-09-30';
const BOOK = `dte_${AS_OF}.xlsx`;
const SHEETS = ['Tỉnh thành', 'Tỉnh cũ', 'Xã phường', 'DNCNS', 'Loại bỏ', 'Giải thích'];
let snapshot: SmallSnapshot;
let book: Buffer;

beforeAll(async () => {
  snapshot = await publishSmall({ asOf: AS_OF });
  book = await snapshot.bytes(BOOK);
});

/** The column of a sheet under a Vietnamese header, by the header row. */
function column(rows: unknown[][], header: string): unknown[] {
  const at = rows[0]!.indexOf(header);
  expect(at, header).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((r) => r[at]);
}

describe('the snapshot workbook', () => {
  it('is listed in the manifest with its sha256 and the data sheets’ rows', async () => {
    const out = snapshot.manifest.outputs.find((o) => o.key === BOOK)!;
    expect(out.sha256).toBe(createHash('sha256').update(book).digest('hex'));
    expect(out.rows).toBeGreaterThan(34);
  });

  it('reads back with an independent reader: ids keep their leading zeros, shares are numbers', async () => {
    const sheets = await readXlsxFile(book);
    expect(sheets.map((s) => s.sheet)).toEqual(SHEETS);
    const byName = Object.fromEntries(sheets.map((s) => [s.sheet, s.data as unknown[][]]));
    const provinces = byName['Tỉnh thành']!;
    expect(provinces[0]!.slice(0, 5)).toEqual([
      'Ngày số liệu',
      'Bộ quy tắc',
      'Mã',
      'Tên',
      'DN đang hoạt động',
    ]);
    expect(column(provinces, 'Mã')[0]).toBe('01');
    const shares = column(provinces, 'Tỷ lệ DNCNS');
    const hanoi = shares[0];
    expect(typeof hanoi).toBe('number');
    expect(hanoi).toBeCloseTo(0.5, 10);
    expect(column(provinces, 'DN đang hoạt động')[0]).toBe(2);
    const dte = byName.DNCNS!;
    expect(column(dte, 'Mã số doanh nghiệp')).toEqual(['0100588577', '2800000001', '3500000001']);
    expect(column(dte, 'Mã tỉnh')[0]).toBe('01');
    expect(column(dte, 'Ngày thành lập')[0]).toEqual(new Date(Date.UTC(2025, 5, 1)));
    expect(column(byName['Loại bỏ']!, 'Mã lý do')).toEqual(['invalid_enterprise_id']);
    const explain = byName['Giải thích']!;
    expect(explain[0]).toContain('Definition (English)');
    const share = explain.find((r) => r[0] === 'Tỉnh thành' && r[2] === 'dte_share_pct')!;
    expect(share[1]).toBe('Tỷ lệ DNCNS');
    expect(String(share[6])).toMatch(/rounded half-up/);
    // Every column of every data sheet is explained.
    for (const name of SHEETS.slice(0, -1))
      expect(explain.filter((r) => r[0] === name).map((r) => r[1])).toEqual(byName[name]![0]);
  });

  it('opens in LibreOffice: codes and ids as text, shares as numbers shown as percentages', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dte-xlsx-'));
    await writeFile(path.join(dir, 'book.xlsx'), book);
    // Text cells quoted, every sheet to its own file.
    const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1';
    await run(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/profile`,
        '--convert-to',
        filter,
        '--outdir',
        dir,
        path.join(dir, 'book.xlsx'),
      ],
      { timeout: 120_000 },
    );
    const files = (await readdir(dir)).filter((f) => f.endsWith('.csv'));
    expect(files.sort()).toEqual(SHEETS.map((s) => `book-${s}.csv`).sort());
    const raw = await readFile(path.join(dir, 'book-Tỉnh thành.csv'), 'utf8');
    const hanoi = raw.split(/\r?\n/)[1]!;
    // LibreOffice quotes text cells only: the code keeps its zero as text, the share is a number
    // shown as a percentage, the date a date (unquoted).
    expect(hanoi).toMatch(/^[^",]+,"vsic2018-ict-v1\+vsic2025-ict-v1","01","Hà Nội",2,1,50%,/);
    const dte = parseCsv((await readFile(path.join(dir, 'book-DNCNS.csv'), 'utf8')).replace(/\n/g, '\r\n'));
    expect(dte.slice(1).map((r) => r[2])).toEqual(['0100588577', '2800000001', '3500000001']);
    expect(await readFile(path.join(dir, 'book-DNCNS.csv'), 'utf8')).toContain(',"0100588577",');
  }, 180_000);

  it('is the same bytes on a second run of the same inputs, seconds later', async () => {
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const again = await publishSmall({ asOf: AS_OF });
    expect((await again.bytes(BOOK)).equals(book)).toBe(true);
  });
});
