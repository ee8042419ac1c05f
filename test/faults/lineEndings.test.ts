import { describe, expect, it } from 'vitest';
import { CANONICAL_HEADER, canonicalRow, readAs } from './support.js';

/** 100 rows whose line breaks cycle through CR, LF and CRLF; the expected id and line of each. */
function mixedExport(): { bytes: Buffer; expected: Array<[string, number]> } {
  const breaks = ['\r', '\n', '\r\n'];
  let text = CANONICAL_HEADER + breaks[0];
  const expected: Array<[string, number]> = [];
  for (let i = 0; i < 100; i++) {
    text += canonicalRow(i) + breaks[(i + 1) % 3];
    expected.push([String(100_000_000 + i).padStart(10, '0'), i + 2]);
  }
  return { bytes: Buffer.from(text), expected };
}

describe('line endings (issue 16, item 1)', () => {
  it('reads a CR-only export row by row, in the record reader and the byte cutter', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => canonicalRow(i));
    const bytes = Buffer.from([CANONICAL_HEADER, ...rows].join('\r'));
    for (const how of ['text', 'bytes'] as const) {
      for (const size of [5, 64, 65_536]) {
        const got = await readAs(bytes, how, size);
        expect(got.rejected, `${how}, ${size}-byte chunks`).toEqual([]);
        expect(got.accepted.map(([, line]) => line)).toEqual(rows.map((_, i) => i + 2));
      }
    }
  });

  it('reads 100 records of mixed CR, LF and CRLF as 100 rows with their line numbers', async () => {
    const { bytes, expected } = mixedExport();
    for (const how of ['text', 'bytes'] as const) {
      // Chunks of 1 and 2 bytes put a chunk boundary between the CR and LF of many CRLFs.
      for (const size of [1, 2, 7, 4096]) {
        const got = await readAs(bytes, how, size);
        expect(got.rejected, `${how}, ${size}-byte chunks`).toEqual([]);
        expect(got.accepted, `${how}, ${size}-byte chunks`).toEqual(expected);
      }
    }
  });

  it('keeps quoted line breaks of every kind inside the cell', async () => {
    const name = (n: number, br: string) => `"Cong ty${br}so ${n}"`;
    const rows = ['\r', '\n', '\r\n'].map(
      (br, i) => `${String(100_000_000 + i).padStart(10, '0')},${name(i, br)},01,,2020-01-01,6201,,active,,,`,
    );
    const bytes = Buffer.from(`${CANONICAL_HEADER}\r${rows.join('\r\n')}\n`);
    for (const how of ['text', 'bytes'] as const) {
      for (const size of [1, 3, 4096]) {
        const got = await readAs(bytes, how, size);
        expect(got.rejected).toEqual([]);
        // Each row's name spans two physical lines: the next row starts two lines on.
        expect(got.accepted.map(([, line]) => line)).toEqual([2, 4, 6]);
      }
    }
  });

  it('cuts a CR-only export of more than 4 MiB (the size that takes the byte path) into byte batches that read as the record reader reads it', async () => {
    const rows = Array.from({ length: 80_000 }, (_, i) =>
      i % 5000 === 17 ? canonicalRow(i).replace(`,Cong ty ${i},`, `,"Cong\rty ${i}",`) : canonicalRow(i),
    );
    const bytes = Buffer.from([CANONICAL_HEADER, ...rows].join('\r'));
    expect(bytes.length).toBeGreaterThan(4 * 1024 * 1024);
    const text = await readAs(bytes, 'text', 65_536);
    expect(text.accepted).toHaveLength(80_000);
    expect(text.rejected).toEqual([]);
    for (const size of [65_536, 1_000_003]) {
      const got = await readAs(bytes, 'bytes', size);
      expect(got.byteBatches).toBeGreaterThan(10);
      expect(got.textBatches).toBe(0);
      expect(got.accepted).toEqual(text.accepted);
      expect(got.rejected).toEqual(text.rejected);
    }
  });
});
