import { DteError } from '../domain/errors.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** 1980-01-01 00:00, the first DOS date: a zip's times say nothing about its content. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/** A zip whose layout is not what this reader expects (never the case for the zips exceljs writes). */
export class ZipLayoutError extends DteError {}

function endOfCentral(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--)
    if (zip.readUInt32LE(at) === EOCD) return at;
  throw new ZipLayoutError('a workbook zip has no end of central directory', { bytes: zip.length });
}

/**
 * Sets the modification time of every entry of a zip, in its local header and its central directory
 * record, to a fixed date, in place: the zip libraries stamp the time of writing, and the snapshot's
 * workbook must be the same bytes on every run of the same inputs.
 */
export function fixZipDates(zip: Buffer): Buffer {
  const end = endOfCentral(zip);
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL)
      throw new ZipLayoutError('a workbook zip has a broken central directory', { entry: i, offset: at });
    zip.writeUInt16LE(DOS_TIME, at + 12);
    zip.writeUInt16LE(DOS_DATE, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL)
      throw new ZipLayoutError('a workbook zip entry has no local header', { entry: i, offset: local });
    zip.writeUInt16LE(DOS_TIME, local + 10);
    zip.writeUInt16LE(DOS_DATE, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}
