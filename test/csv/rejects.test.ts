import { beforeAll, describe, expect, it } from 'vitest';
import { rejectColumns, rejectLine } from '../../src/csv/index.js';
import { csvObjects } from '../support/csvTable.js';
import { publishSmall, SMALL_ROWS, type SmallSnapshot } from '../support/smallSnapshot.js';
import { VN_HEADERS } from '../support/vnExport.js';

const AS_OF = '2025-09-30';
const LEAD = ['as_of', 'feed_id', 'line', 'reason', 'reason_vi', 'message'];
const good = '2800000009,Công ty Chín,Thanh Hóa,,01/01/2020,6201,,Đang hoạt động,Công ty TNHH,,,';
let snapshot: SmallSnapshot;

beforeAll(async () => {
  snapshot = await publishSmall({
    asOf: AS_OF,
    feedId: 'tinh38',
    rows: SMALL_ROWS,
    // Lines 7 to 9 of the export: two cells too many, seven too few, a quote never closed.
    extraLines: [
      `${good},thừa 1,thừa 2`,
      '2800000010,Công ty Mười,Thanh Hóa,,01/01/2020',
      '2800000011,"Công ty Mở',
    ],
  });
});

describe('the rejects file', () => {
  it("is a table: the lead columns, the export's own header names, then extra_cells", async () => {
    const { header, rows } = csvObjects(await snapshot.text('rejects/tinh38.csv'));
    expect(header).toEqual([...LEAD, ...VN_HEADERS, 'extra_cells']);
    expect(rows.map((r) => [r.as_of, r.feed_id, r.line, r.reason])).toEqual([
      [AS_OF, 'tinh38', '6', 'invalid_enterprise_id'],
      [AS_OF, 'tinh38', '7', 'malformed_row'],
      [AS_OF, 'tinh38', '8', 'malformed_row'],
      [AS_OF, 'tinh38', '9', 'malformed_row'],
    ]);
    const [badId, tooMany, tooFew, broken] = rows;
    expect(badId!['Mã số doanh nghiệp']).toBe('bad-id');
    expect(badId!.reason_vi).toBe('Mã số doanh nghiệp không hợp lệ');
    expect(badId!.extra_cells).toBe('');
    expect(tooMany!['Mã số doanh nghiệp']).toBe('2800000009');
    expect(tooMany![VN_HEADERS.at(-1)!]).toBe('');
    expect(tooMany!.extra_cells).toBe('thừa 1,thừa 2');
    expect(tooFew!['Ngày thành lập']).toBe('01/01/2020');
    expect(tooFew!['Ngành nghề kinh doanh chính']).toBe('');
    expect(tooFew!.extra_cells).toBe('');
    // A record whose quoting is broken cannot be split: its text stays whole in the first column.
    expect(broken!['Mã số doanh nghiệp']).toMatch(/^2800000011,"Công ty Mở/);
    expect(snapshot.manifest.outputs.find((o) => o.key === 'rejects/tinh38.csv')?.rows).toBe(4);
  });

  it('is summed by feed and reason in rejects_summary.csv', async () => {
    const { header, rows } = csvObjects(await snapshot.text('rejects_summary.csv'));
    expect(header).toEqual(['as_of', 'feed_id', 'reason', 'reason_vi', 'rows']);
    expect(rows).toEqual([
      { as_of: AS_OF, feed_id: 'tinh38', reason: 'malformed_row', reason_vi: expect.any(String), rows: '3' },
      {
        as_of: AS_OF,
        feed_id: 'tinh38',
        reason: 'invalid_enterprise_id',
        reason_vi: 'Mã số doanh nghiệp không hợp lệ',
        rows: '1',
      },
    ]);
  });
});

describe('the columns of a rejects file', () => {
  it('gives every header cell one name of its own, and joins extras with the export delimiter', () => {
    const columns = rejectColumns(['enterprise_id', '', 'line', 'name', 'name']);
    expect(columns).toEqual(['enterprise_id', 'column_2', 'line_3', 'name', 'name_5']);
    const table = { asOf: AS_OF, feedId: 'f', columns, delimiter: ';' };
    const row = {
      line: 4,
      reason: 'malformed_row' as const,
      message: 'm',
      cells: ['1', '2', '3', '4', '5', 'a', 'b;c'],
    };
    expect(rejectLine(row, table)).toBe(
      `${AS_OF},f,4,malformed_row,Dòng sai cấu trúc (sai số ô hoặc lỗi dấu ngoặc kép),m,1,2,3,4,5,a;b;c\r\n`,
    );
  });
});
