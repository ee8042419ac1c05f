import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** What a reader of one XML member does with its events (all synchronous, as saxes emits them). */
export interface XmlHandler {
  open(tag: SaxesTagPlain): void;
  text(text: string): void;
  close(name: string): void;
}

/**
 * Parses an XML member chunk by chunk with saxes, decoding UTF-8 across chunk boundaries (a
 * character split between two chunks is joined, never mangled). Resolves after each chunk's
 * events, so that a caller can hand on what they produced before the next chunk is read.
 */
export async function* parseXml(stream: Readable, handler: XmlHandler): AsyncGenerator<void> {
  const parser = new SaxesParser({ position: false });
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => handler.open(tag as SaxesTagPlain));
  parser.on('text', (text) => handler.text(text));
  parser.on('cdata', (text) => handler.text(text));
  parser.on('closetag', (tag) => handler.close(tag.name));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of stream) {
    parser.write(decoder.decode(chunk as Buffer, { stream: true }));
    if (failure) throw failure;
    yield;
  }
  parser.write(decoder.decode());
  parser.close();
  if (failure) throw failure;
}

const ESCAPED = /_x([0-9A-Fa-f]{4})_/g;

/** OOXML writes characters XML cannot hold as `_xHHHH_` (`_x000D_` for CR): their text again. */
export function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(ESCAPED, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
