import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FileRejectedError } from '../../src/domain/errors.js';
import {
  type ParseOptions,
  readExportBatches,
  readRecordBatches,
  recordsOfBytes,
} from '../../src/input/index.js';
import { VN_HEADERS } from '../support/vnExport.js';
import { fakeIndustry } from './support.js';

const options: ParseOptions = {
  feedId: 'national',
  fileName: 'export.csv',
  format: 'vn-dkkd-csv',
  asOf: '2026-06-30',
  industryCodes: 'auto',
  industry: fakeIndustry,
  defaultProvince: null,
};

/** The bytes in chunks of `size`, so that lines and characters fall across chunk boundaries. */
function chunked(bytes: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks, { objectMode: false });
}

interface Records {
  texts: string[];
  lines: number[];
  broken: Array<[number, string]>;
}

async function viaTexts(bytes: Buffer, size: number): Promise<Records> {
  const out: Records = { texts: [], lines: [], broken: [] };
  for await (const batch of readRecordBatches(chunked(bytes, size), options)) {
    for (const [i, reason] of Object.entries(batch.broken))
      out.broken.push([out.texts.length + Number(i), reason.message]);
    out.texts.push(...batch.texts);
    out.lines.push(...batch.lines);
  }
  return out;
}

async function viaBytes(bytes: Buffer, size: number): Promise<Records & { batches: number }> {
  const out = {
    texts: [] as string[],
    lines: [] as number[],
    broken: [] as Array<[number, string]>,
    batches: 0,
  };
  for await (const item of readExportBatches(chunked(bytes, size), options, true)) {
    if (!('bytes' in item)) throw new Error('expected byte batches for a UTF-8 CSV export');
    out.batches++;
    const batch = recordsOfBytes(item.bytes);
    for (const [i, reason] of Object.entries(batch.broken))
      out.broken.push([out.texts.length + Number(i), reason.message]);
    out.texts.push(...batch.texts);
    out.lines.push(...batch.lines);
  }
  return out;
}

/** Over 10,000 lines with every awkward thing a record reader meets, some near batch cuts. */
function awkwardExport(): string {
  const lines = [VN_HEADERS.join(',')];
  for (let i = 0; i < 10_500; i++) {
    const id = String(100_000_000 + i).padStart(10, '0');
    const row = `${id},Công ty TNHH Phần mềm ${i},Hà Nội,,01/05/2004,6201,,Đang hoạt động,Công ty TNHH,"1,000,000",`;
    if (i % 997 === 5)
      lines.push(`${id},"Tên có ""ngoặc"" và xuống dòng`, `tiếp theo",Hà Nội,,01/05/2004,6201,,x,y,1,`);
    else if (i % 1301 === 7) lines.push('', '   ', '\u00a0\u3000', '\r');
    else if (i === 4090) lines.push(`${id},"a quote that never closes,Hà Nội`);
    else if (i % 2003 === 11) lines.push(`${id},"a quote that never closes,Hà Nội,,01/05/2004`);
    else lines.push(i % 3 === 0 ? `${row}\r` : row);
  }
  return `\ufeff${lines.join('\n')}`; // no line break after the last line
}

describe('an export read as byte batches', () => {
  it('gives the records, line numbers and broken rows of the record reader, whatever the chunks', async () => {
    const bytes = Buffer.from(awkwardExport(), 'utf8');
    const expected = await viaTexts(bytes, 65_536);
    expect(expected.texts.length).toBeGreaterThan(10_000);
    expect(expected.broken.length).toBeGreaterThan(3);
    for (const size of [7, 1000, 65_536, bytes.length]) {
      const got = await viaBytes(bytes, size);
      expect(got.batches, `${size}-byte chunks`).toBeGreaterThan(1);
      expect({ texts: got.texts, lines: got.lines, broken: got.broken }, `${size}-byte chunks`).toEqual(
        expected,
      );
    }
  });

  it('reads a gzipped export the same way', async () => {
    const plain = Buffer.from(awkwardExport(), 'utf8');
    const got = await viaBytes(gzipSync(plain), 4096);
    expect(got.texts).toEqual((await viaTexts(plain, 65_536)).texts);
  });

  it('fails the same way as the record reader on bad bytes, an empty file and a missing column', async () => {
    const bad = Buffer.concat([
      Buffer.from(awkwardExport().slice(0, 300_000)),
      Buffer.from([0xff, 0xfe, 0x0a]),
    ]);
    const empty = Buffer.from('\n  \n');
    const noColumn = Buffer.from('Mã số doanh nghiệp,Tên doanh nghiệp\n0100109106,A\n');
    for (const bytes of [bad, empty, noColumn]) {
      const text = await viaTexts(bytes, 1000).catch((error: unknown) => error);
      const got = await viaBytes(bytes, 1000).catch((error: unknown) => error);
      expect(text).toBeInstanceOf(FileRejectedError);
      expect(got).toBeInstanceOf(FileRejectedError);
      expect((got as Error).message).toBe((text as Error).message);
    }
  });

  it('takes a header with no rows after it, and leaves UTF-16 files to the record reader', async () => {
    const headerOnly = Buffer.from(VN_HEADERS.join(','));
    expect((await viaBytes(headerOnly, 5)).texts).toEqual([]);
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(awkwardExport().slice(1, 5000), 'utf16le'),
    ]);
    const items = [];
    for await (const item of readExportBatches(chunked(utf16, 999), options, true)) items.push(item);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => 'records' in item)).toBe(true);
  });
});
