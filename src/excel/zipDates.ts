import { type FileHandle, open } from 'node:fs/promises';
import { DteError } from '../domain/errors.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** 1980-01-01 00:00, the first DOS date: a zip's times say nothing about its content. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
/** The end of central directory record: 22 bytes and a comment of at most 65,535. */
const EOCD_MAX = 22 + 0xffff;

/** A zip whose layout is not what this reader expects (never the case for the zips exceljs writes). */
export class ZipLayoutError extends DteError {}

/** Where the end of central directory record starts in `tail` (the last bytes of the zip). */
function endOfCentral(tail: Buffer, size: number): number {
  for (let at = tail.length - 22; at >= 0; at--) if (tail.readUInt32LE(at) === EOCD) return at;
  throw new ZipLayoutError('a workbook zip has no end of central directory', { bytes: size });
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const bytes = Buffer.alloc(length);
  for (let got = 0; got < length; ) {
    const { bytesRead } = await file.read(bytes, got, length - got, position + got);
    if (bytesRead === 0) throw new ZipLayoutError('a workbook zip ends early', { position, length });
    got += bytesRead;
  }
  return bytes;
}

/** Sets the time and date of the local header at `local` (read, checked, then its four bytes written). */
async function fixLocalHeader(file: FileHandle, local: number, entry: number): Promise<void> {
  const head = await readAt(file, local, 14);
  if (head.readUInt32LE(0) !== LOCAL)
    throw new ZipLayoutError('a workbook zip entry has no local header', { entry, offset: local });
  head.writeUInt16LE(DOS_TIME, 10);
  head.writeUInt16LE(DOS_DATE, 12);
  await file.write(head, 10, 4, local + 10);
}

/**
 * Sets the modification time of every entry of the zip file at `path`, in its local header and its
 * central directory record, to a fixed date, in place (the central directory read from the file's
 * end, the bytes patched by positional writes): the zip libraries stamp the time of writing, and the
 * snapshot's workbook must be the same bytes on every run of the same inputs.
 */
export async function fixZipDatesOfFile(path: string): Promise<void> {
  const file = await open(path, 'r+');
  try {
    const { size } = await file.stat();
    const tailStart = Math.max(0, size - EOCD_MAX);
    const tail = await readAt(file, tailStart, size - tailStart);
    const end = endOfCentral(tail, size);
    const entries = tail.readUInt16LE(end + 10);
    const centralSize = tail.readUInt32LE(end + 12);
    const centralAt = tail.readUInt32LE(end + 16);
    if (centralAt + centralSize > tailStart + end)
      throw new ZipLayoutError('a workbook zip has a broken central directory', { offset: centralAt });
    const central = await readAt(file, centralAt, centralSize);
    let at = 0;
    for (let i = 0; i < entries; i++) {
      if (at + 46 > central.length || central.readUInt32LE(at) !== CENTRAL)
        throw new ZipLayoutError('a workbook zip has a broken central directory', {
          entry: i,
          offset: centralAt + at,
        });
      central.writeUInt16LE(DOS_TIME, at + 12);
      central.writeUInt16LE(DOS_DATE, at + 14);
      await fixLocalHeader(file, central.readUInt32LE(at + 42), i);
      at +=
        46 + central.readUInt16LE(at + 28) + central.readUInt16LE(at + 30) + central.readUInt16LE(at + 32);
    }
    await file.write(central, 0, central.length, centralAt);
  } finally {
    await file.close();
  }
}
