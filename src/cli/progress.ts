import type { ProgressEvent } from '../context/context.js';

/** A rate over less time than this says more about timer jitter and batching than about speed. */
const MIN_RATE_MS = 1000;

interface Baseline {
  at: number;
  amount: number;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * One rewritten line per stage when stderr is a terminal; nothing otherwise (the log lines already
 * tell a log collector what happened). A rate is measured from the stage's first tick, and shown
 * only once enough time has passed for it to mean something.
 */
export function terminalProgress(
  stream: NodeJS.WriteStream = process.stderr,
  now: () => number = Date.now,
): ((e: ProgressEvent) => void) | undefined {
  if (!stream.isTTY) return undefined;
  const baselines = new Map<string, Baseline>();
  return (event) => {
    const key = event.stage === 'ingest' ? `ingest ${event.feed}` : event.stage;
    const amount = event.stage === 'ingest' ? event.rows : event.done;
    stream.write(`\r\x1b[2K${progressLine(event, rateOf(baselines, key, amount, now()))}`);
  };
}

/** Units per second since the stage's first tick, or null while too little time has passed. */
function rateOf(baselines: Map<string, Baseline>, key: string, amount: number, at: number): number | null {
  const base = baselines.get(key);
  if (!base) {
    baselines.set(key, { at, amount });
    return null;
  }
  const ms = at - base.at;
  return ms < MIN_RATE_MS ? null : ((amount - base.amount) * 1000) / ms;
}

/** The text of one progress line: what, how far, and the rate when there is an honest one. */
export function progressLine(event: ProgressEvent, rate: number | null): string {
  if (event.stage === 'ingest') {
    const speed = rate === null ? '' : ` (${fmt(Math.round(rate))} rows/s)`;
    return `ingest ${event.feed}: ${fmt(event.rows)} rows${speed}`;
  }
  if (event.unit === 'steps') return `${event.stage}${event.done >= event.total ? ': done' : '…'}`;
  const speed =
    rate === null ? '' : ` (${(Math.round(rate * 10) / 10).toLocaleString('en-US')} ${event.unit}/s)`;
  return `${event.stage}: ${event.done}/${event.total} ${event.unit}${speed}`;
}

export function endProgress(stream: NodeJS.WriteStream = process.stderr): void {
  if (stream.isTTY) stream.write('\r\x1b[2K');
}
