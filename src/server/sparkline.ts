import { formatCount, formatDate, type Lang } from '../format/index.js';
import { escapeHtml as e } from './html.js';

/** A province's DTE count at every published date as a small line without text (values in its title). */
export function sparkline(values: ReadonlyArray<{ as_of: string; value: number }>, lang: Lang): string {
  if (values.length < 2) return '';
  const w = 96;
  const h = 24;
  const max = Math.max(...values.map((v) => v.value));
  const min = Math.min(...values.map((v) => v.value));
  const x = (i: number) => 2 + (i / (values.length - 1)) * (w - 4);
  const y = (v: number) => h - 3 - (max === min ? 0.5 : (v - min) / (max - min)) * (h - 6);
  const line = values.map((v, i) => `${x(i).toFixed(1)},${y(v.value).toFixed(1)}`).join(' ');
  const last = values.at(-1)!;
  const title = values.map((v) => `${formatDate(v.as_of, lang)}: ${formatCount(v.value, lang)}`).join('; ');
  return `<svg class="spark" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${e(title)}" xmlns="http://www.w3.org/2000/svg"><title>${e(title)}</title><polyline points="${line}" fill="none" stroke="#0b4f8a" stroke-width="1.5"/><circle cx="${x(values.length - 1).toFixed(1)}" cy="${y(last.value).toFixed(1)}" r="2.5" fill="#0b4f8a"/></svg>`;
}
