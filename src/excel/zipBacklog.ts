import { EventEmitter } from 'node:events';

/** Rows a sheet adds between two looks at what its zip entry has yet to compress. */
export const ROWS_BETWEEN_WAITS = 256;

/** Bytes of a sheet's XML that may wait for the zip before the rows wait for it. */
const MAX_BACKLOG = 2 * 1024 * 1024;

/** A wait for `drain` ends after this long at most, and the backlog is read again. */
const DRAIN_TIMEOUT_MS = 100;

/**
 * The stream the zip reads the sheet's XML from, once it has reached the sheet's entry: exceljs's
 * sheet stream writes into it without waiting (its `pipes`, outside exceljs's types).
 */
export function entryOf(ws: object): EventEmitter | null {
  const stream: unknown = Reflect.get(ws, 'stream');
  const pipes: unknown = typeof stream === 'object' && stream !== null ? Reflect.get(stream, 'pipes') : null;
  const first: unknown = Array.isArray(pipes) ? pipes[0] : null;
  return first instanceof EventEmitter ? first : null;
}

/** Bytes written to the entry's stream and not yet read by the zip (its `readable-stream` may lack `writableLength`). */
export function backlogOf(entry: EventEmitter): number {
  const length: unknown = Reflect.get(entry, 'writableLength');
  if (typeof length === 'number') return length;
  const state: unknown = Reflect.get(entry, '_writableState');
  const held: unknown = typeof state === 'object' && state !== null ? Reflect.get(state, 'length') : 0;
  return typeof held === 'number' ? held : 0;
}

function drainOrTimeout(entry: EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      entry.off('drain', done);
      resolve();
    };
    const timer = setTimeout(done, DRAIN_TIMEOUT_MS);
    entry.once('drain', done);
  });
}

/**
 * Lets the zip compress what the rows so far have written: exceljs's writer never waits for its
 * deflate, so a sheet written in one go would hold its whole XML in memory.
 */
export async function zipCaughtUp(ws: object): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  for (let entry = entryOf(ws); entry && backlogOf(entry) > MAX_BACKLOG; entry = entryOf(ws))
    await drainOrTimeout(entry);
}
