/**
 * One formatter for every human surface (page, alerts, emails, CLI tables): `Intl` with the
 * language's conventions, so `vi` reads `1.234` and `9,79 %`, `en` reads `1,234` and `9.79%`.
 */
export type Lang = 'vi' | 'en';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-US' };

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: 0, maximumFractionDigits: digits });
    cache.set(key, format);
  }
  return format;
}

/** A count of enterprises: always a whole number (expected values are rounded for display only). */
export function formatCount(value: number | null, lang: Lang): string {
  return value === null ? '–' : numberFormat(lang, 0).format(Math.round(value));
}

/** A decimal with at most `digits` fraction digits (a density such as 0,84). */
export function formatDecimal(value: number | null, lang: Lang, digits = 2): string {
  return value === null ? '–' : numberFormat(lang, digits).format(value);
}

/** A percentage given in percent units (9.79 → `9,79 %` in vi, `9.79%` in en). */
export function formatPct(value: number | null, lang: Lang, digits = 2): string {
  if (value === null) return '–';
  const text = numberFormat(lang, digits).format(value);
  return lang === 'vi' ? `${text} %` : `${text}%`;
}

/** A signed percentage for gaps (`−4,2 %`, `+3.1%`). */
export function formatSignedPct(value: number | null, lang: Lang, digits = 1): string {
  if (value === null) return '–';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${formatPct(Math.abs(value), lang, digits)}`;
}

const DATE: Record<Lang, Intl.DateTimeFormat> = {
  vi: new Intl.DateTimeFormat('vi-VN', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
};

/** An ISO date (yyyy-MM-dd) as people read it: `31/12/2025` in vi, `31 Dec 2025` in en. */
export function formatDate(iso: string, lang: Lang): string {
  return DATE[lang].format(new Date(`${iso}T00:00:00Z`));
}
