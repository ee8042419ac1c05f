import { describe, expect, it } from 'vitest';
import { FileRejectedError } from '../../src/domain/errors.js';
import { VN_HEADERS } from '../support/vnExport.js';
import { CANONICAL_HEADER, canonicalRow, faultOptions, readAs } from './support.js';

async function failure(bytes: Buffer, how: 'text' | 'bytes', format: 'vn-dkkd-csv' | 'canonical-csv') {
  return readAs(bytes, how, 64, faultOptions({ format })).then(
    () => null,
    (error: unknown) => error,
  );
}

describe('a duplicated header column (issue 16, item 3)', () => {
  it('fails the whole file, naming the column, in both paths', async () => {
    const header = [...VN_HEADERS, ' mã SỐ  doanh nghiệp '].join(','); // the id column again, spelled otherwise
    const row = '0100109106,Công ty A,Hà Nội,,01/05/2004,6201,,Đang hoạt động,Công ty TNHH,1000,,9999999999';
    const bytes = Buffer.from(`${header}\n${row}\n`);
    for (const how of ['text', 'bytes'] as const) {
      const error = await failure(bytes, how, 'vn-dkkd-csv');
      expect(error, how).toBeInstanceOf(FileRejectedError);
      expect((error as Error).message).toContain('"Mã số doanh nghiệp" twice');
    }
  });

  it('takes a canonical column and its alias for one column twice', async () => {
    const bytes = Buffer.from(`${CANONICAL_HEADER},province_code\n${canonicalRow(1)},79\n`);
    const error = await failure(bytes, 'text', 'canonical-csv');
    expect(error).toBeInstanceOf(FileRejectedError);
    expect((error as Error).message).toMatch(/"province" twice \(as "province" and "province_code"\)/);
  });

  it('accepts a header whose only repeated cells are empty', async () => {
    const bytes = Buffer.from(`${CANONICAL_HEADER},,\n${canonicalRow(1)},,\n`);
    expect((await readAs(bytes, 'bytes', 64)).accepted).toHaveLength(1);
  });
});
