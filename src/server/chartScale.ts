import { dayOf } from '../trajectory/index.js';

/** A linear map from a domain onto pixels. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** Round tick values from 0 to at least `max`: steps of 1, 2 or 5 × 10^k, at most `most` steps. */
export function niceTicks(max: number, most = 4): number[] {
  const top = Math.max(max, 1);
  const raw = top / most;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const whole = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  for (let v = 0; v < top + whole; v += whole) {
    ticks.push(v);
    if (v >= top) break;
  }
  return ticks;
}

/** 1 January of every year inside [from, to], as day numbers with their year. */
export function yearTicks(from: string, to: string): Array<{ day: number; year: number }> {
  const out: Array<{ day: number; year: number }> = [];
  const first = Number(from.slice(0, 4)) + (from.slice(5) === '01-01' ? 0 : 1);
  for (let year = first; year <= Number(to.slice(0, 4)); year++) {
    const day = dayOf(`${year}-01-01`);
    if (day <= dayOf(to)) out.push({ day, year });
  }
  return out;
}
