/** How large one record and one cell of an export may be (`limits` in the config). */
export interface InputLimits {
  maxRecordBytes: number;
  maxCellBytes: number;
}

export const DEFAULT_LIMITS: InputLimits = { maxRecordBytes: 1024 * 1024, maxCellBytes: 64 * 1024 };

/** A record the reader could not take as it stands: a quote that never closed, or too many bytes. */
export interface BrokenRecord {
  reason: 'malformed_row' | 'record_too_long';
  message: string;
}

/**
 * Whether the text takes more than `limit` bytes in UTF-8. A UTF-16 unit is 1 to 3 bytes, so
 * only text between a third of the limit and the limit itself is measured.
 */
export function overBytes(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  return text.length * 3 > limit && Buffer.byteLength(text, 'utf8') > limit;
}

/** The longest start of the text that fits in `limit` UTF-8 bytes, never cutting a character in two. */
export function cutToBytes(text: string, limit: number): string {
  if (!overBytes(text, limit)) return text;
  const bytes = Buffer.from(text.slice(0, limit), 'utf8');
  if (bytes.length <= limit) return bytes.toString('utf8');
  let end = limit;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--; // back to the first byte of a character
  return bytes
    .subarray(0, end)
    .toString('utf8')
    .replace(/[\ud800-\udbff]$/, '');
}

export function tooLong(what: 'record' | 'cell', limit: number): BrokenRecord {
  const key = what === 'record' ? 'max_record_bytes' : 'max_cell_bytes';
  return {
    reason: 'record_too_long',
    message: `the ${what} is longer than ${limit} bytes (limits.${key})`,
  };
}
