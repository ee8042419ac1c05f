import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixZipDatesOfFile, ZipLayoutError } from '../../src/excel/index.js';
import { zipFile } from '../support/zipFile.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dte-zipdates-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every entry's time and date, from its local header and its central directory record. */
function datesOf(zip: Buffer): Array<[number, number]> {
  const dates: Array<[number, number]> = [];
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const local = zip.readUInt32LE(at + 42);
    dates.push([zip.readUInt16LE(at + 12), zip.readUInt16LE(at + 14)]);
    dates.push([zip.readUInt16LE(local + 10), zip.readUInt16LE(local + 12)]);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return dates;
}

/** A zip whose entries carry a time of writing (2026-12-04 18:30:10), as zip libraries stamp them. */
function stampedZip(): Buffer {
  const zip = zipFile([
    ['[Content_Types].xml', '<Types/>'],
    ['xl/worksheets/sheet1.xml', '<worksheet>Hà Nội</worksheet>'.repeat(50)],
  ]);
  const time = (18 << 11) | (30 << 5) | 5;
  const date = ((2026 - 1980) << 9) | (12 << 5) | 4;
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const local = zip.readUInt32LE(at + 42);
    for (const where of [at + 12, local + 10]) {
      zip.writeUInt16LE(time, where);
      zip.writeUInt16LE(date, where + 2);
    }
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}

describe('the workbook zip dated in its file', () => {
  it('sets every entry to 1980-01-01 00:00 in its local header and central record, nothing else', async () => {
    const zip = stampedZip();
    expect(datesOf(zip).every(([t, d]) => t !== 0 && d !== 33)).toBe(true);
    const file = path.join(dir, 'book.xlsx');
    await writeFile(file, zip);
    await fixZipDatesOfFile(file);
    const fixed = await readFile(file);
    expect(fixed.length).toBe(zip.length);
    expect(datesOf(fixed)).toEqual(datesOf(zip).map(() => [0, 33]));
    // Only the date fields changed: put the stamps back and the bytes are the original's.
    const differing = [...fixed].flatMap((b, i) => (b === zip[i] ? [] : [i]));
    expect(differing.length).toBeGreaterThan(0);
    expect(differing.length).toBeLessThanOrEqual(datesOf(zip).length * 4);
  });

  it('refuses a file that is no zip', async () => {
    const file = path.join(dir, 'not.xlsx');
    await writeFile(file, Buffer.alloc(100, 7));
    await expect(fixZipDatesOfFile(file)).rejects.toBeInstanceOf(ZipLayoutError);
  });
});
