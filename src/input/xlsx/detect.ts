import type { Readable } from 'node:stream';
import { peek } from '../decode.js';

/** A zip archive's local file header: every `.xlsx` starts with it. */
export function isZip(head: Buffer): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/** Whether the export is a workbook, by its first bytes (as gzip is told), and a stream with all of them. */
export async function sniffWorkbook(input: Readable): Promise<{ workbook: boolean; stream: Readable }> {
  const { head, stream } = await peek(input, 4);
  return { workbook: isZip(head), stream };
}
