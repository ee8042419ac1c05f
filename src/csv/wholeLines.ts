/**
 * A stream of bytes (staged rows, a CSV text) as pieces that hold whole lines only (a line split across reads is joined
 * once), so that the lines of a piece can be read in place, synchronously, between two awaits.
 */
export async function* wholeLines(body: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  let carry: Buffer | null = null;
  for await (const chunk of body) {
    let start = 0;
    if (carry) {
      const nl = chunk.indexOf(0x0a);
      if (nl < 0) {
        carry = Buffer.concat([carry, chunk]);
        continue;
      }
      yield Buffer.concat([carry, chunk.subarray(0, nl + 1)]);
      start = nl + 1;
      carry = null;
    }
    const last = chunk.lastIndexOf(0x0a);
    if (last >= start) {
      yield chunk.subarray(start, last + 1);
      start = last + 1;
    }
    if (start < chunk.length) carry = chunk.subarray(start);
  }
  if (carry && carry.length > 0) yield carry;
}
