import { wholeLines } from './wholeLines.js';

/**
 * The lines of a CSV text this project wrote (UTF-8, CRLF line ends, a BOM first, no line break
 * inside a cell), decoded a piece at a time so that the text is never held whole: the BOM removed,
 * empty lines skipped.
 */
export async function* csvTextLines(body: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let first = true;
  for await (const piece of wholeLines(body))
    for (const line of piece.toString('utf8').split('\r\n')) {
      const text = first ? line.replace(/^\uFEFF/, '') : line;
      first = false;
      if (text !== '') yield text;
    }
}
