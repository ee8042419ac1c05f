import type { LineBuffer } from '../../src/staging/lineBuffer.js';
import type { PartitionWriter } from '../../src/staging/partitionWriter.js';

/** A text line and its `\n` into a line buffer, the way the encoders write theirs in place. */
export function writeLine(lines: LineBuffer, text: string): void {
  const room = Buffer.byteLength(text) + 1;
  const bytes = lines.space(room);
  const end = lines.length + bytes.write(text, lines.length);
  bytes[end] = 0x0a;
  lines.commit(end + 1);
}

/** A text line into a partition's lane. */
export function writeToPartition(writer: PartitionWriter, partition: number, text: string): void {
  writeLine(writer.lineSpace(partition, Buffer.byteLength(text) + 1), text);
}
