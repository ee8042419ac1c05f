/** `yyyy-MM-dd` bytes at `start` as the number yyyyMMdd; -1 for bytes of any other form. */
export function dateNumberOfBytes(bytes: Uint8Array, start: number, end: number): number {
  if (end - start !== 10 || bytes[start + 4] !== 0x2d || bytes[start + 7] !== 0x2d) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    if (i === start + 4 || i === start + 7) continue;
    const d = bytes[i]! - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    value = value * 10 + d;
  }
  return value;
}

const scratch = Buffer.alloc(10);

/** A `yyyy-MM-dd` text as the number yyyyMMdd (-1 for any other form), read as its bytes are. */
export function dateNumber(iso: string): number {
  if (iso.length !== 10) return -1;
  scratch.write(iso, 0, 'latin1');
  return dateNumberOfBytes(scratch, 0, 10);
}
