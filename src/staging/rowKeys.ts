import { dateNumber } from '../domain/dates.js';
import { enterpriseKey } from '../domain/enterpriseId.js';
import { DteError } from '../domain/errors.js';
import type { IngestedRecord } from '../domain/record.js';
import type { LineBuffer } from './lineBuffer.js';

/**
 * What deduplication reads of each staged row, in a file of its own beside the staged rows
 * (`keys-NN.bin`, one record per row, in the rows' order): the enterprise id as a number
 * (`enterpriseKey`, below 2^53) in 8 bytes, the update date as yyyyMMdd (0 without one) in 4, all
 * unsigned little-endian integers.
 * Classify's first pass reads these 12 bytes a row instead of the whole staged files, which it
 * otherwise read twice.
 */
export const ROW_KEY_BYTES = 12;

/** What deduplication is handed, row after row. */
export interface KeySink {
  add(key: number, updated: number): void;
}

/** Appends a validated record's key to `keys`. */
export function writeRowKey(r: IngestedRecord, keys: LineBuffer): void {
  const key = enterpriseKey(r.enterprise_id);
  if (key === null)
    throw new DteError('a validated row has no enterprise id', { feed: r.feed_id, row: r.line });
  const out = keys.space(ROW_KEY_BYTES);
  const at = keys.length;
  // Byte by byte: Buffer's writeDoubleLE and writeInt32LE checked and converted more than they wrote.
  const low = key % TWO_32;
  putUint32(out, at, low);
  putUint32(out, at + 4, (key - low) / TWO_32);
  putUint32(out, at + 8, r.updated_at === null ? 0 : dateNumber(r.updated_at));
  keys.commit(at + ROW_KEY_BYTES);
}

const TWO_32 = 2 ** 32;

function putUint32(out: Buffer, at: number, value: number): void {
  out[at] = value & 0xff;
  out[at + 1] = (value >>> 8) & 0xff;
  out[at + 2] = (value >>> 16) & 0xff;
  out[at + 3] = value >>> 24;
}

/** The keys in `chunk` before `end`: out of the async loop, so that V8 optimizes it once, not once per file. */
function addKeys(chunk: Buffer, end: number, sink: KeySink): void {
  for (let at = 0; at < end; at += ROW_KEY_BYTES) {
    sink.add(chunk.readUInt32LE(at) + chunk.readUInt32LE(at + 4) * TWO_32, chunk.readUInt32LE(at + 8));
  }
}

/** Hands every key of a keys file to `sink`, in file order; returns how many there were. */
export async function readRowKeys(body: AsyncIterable<Buffer>, sink: KeySink): Promise<number> {
  let rows = 0;
  let carry: Buffer | null = null;
  for await (const read of body) {
    const chunk: Buffer = carry ? Buffer.concat([carry, read]) : read;
    const whole = chunk.length - (chunk.length % ROW_KEY_BYTES);
    addKeys(chunk, whole, sink);
    rows += whole / ROW_KEY_BYTES;
    carry = whole < chunk.length ? chunk.subarray(whole) : null;
  }
  if (carry) throw new DteError('a keys file ends inside a record', { bytes: carry.length });
  return rows;
}
