import type { ProgressEvent } from '../context/context.js';

/**
 * Rows read and rows per second on one rewritten line when stderr is a terminal; nothing otherwise
 * (the pino log lines already tell a log collector what happened).
 */
export function terminalProgress(
  stream: NodeJS.WriteStream = process.stderr,
): ((e: ProgressEvent) => void) | undefined {
  if (!stream.isTTY) return undefined;
  const started = new Map<string, number>();
  return (event) => {
    const start = started.get(event.feed) ?? Date.now();
    started.set(event.feed, start);
    const seconds = Math.max((Date.now() - start) / 1000, 0.001);
    const rate = Math.round(event.rows / seconds).toLocaleString('en-US');
    stream.write(
      `\r\x1b[2K${event.stage} ${event.feed}: ${event.rows.toLocaleString('en-US')} rows (${rate} rows/s)`,
    );
  };
}

export function endProgress(stream: NodeJS.WriteStream = process.stderr): void {
  if (stream.isTTY) stream.write('\r\x1b[2K');
}
