import type { Status } from '../domain/record.js';
import { isRealDate, STATUS_WORDS_AS_WRITTEN } from './fields.js';

/**
 * Shortcuts for the commonest forms of registry cells (`01/05/2004`, `Đang hoạt động`,
 * `9.900.000.000`, `4690`, `7310;4690`), read character by character: a national export spent a
 * quarter of its validation time hashing such cells to look them up in the per-parse caches. Each
 * shortcut gives exactly what the full parse (`fields.ts`) gives, or `SKIP` when the cell is in any
 * other form, and then the caller takes the cached full parse; `test/input/shortcuts.test.ts` holds
 * the two equal.
 */
export const SKIP: unique symbol = Symbol('skip');
type Shortcut<T> = T | typeof SKIP;

const digitAt = (s: string, i: number): number => s.charCodeAt(i) - 48;
const isDigit = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** ISO texts of `dd/MM/yyyy` dates by their number, so that a date is written once per parse. */
export type DateTexts = Map<number, string>;

/** `yyyy-MM-dd`, and `dd/MM/yyyy` where Vietnamese dates are allowed: ten characters, no spaces. */
export function dateShortcut(raw: string, vietnamese: boolean, texts: DateTexts): Shortcut<string | null> {
  if (raw.length !== 10) return SKIP;
  const c4 = raw.charCodeAt(4);
  if (c4 === 45 && raw.charCodeAt(7) === 45) {
    if (!isDigit(raw, 0) || !isDigit(raw, 1) || !isDigit(raw, 2) || !isDigit(raw, 3)) return SKIP;
    if (!isDigit(raw, 5) || !isDigit(raw, 6) || !isDigit(raw, 8) || !isDigit(raw, 9)) return SKIP;
    const y = digitAt(raw, 0) * 1000 + digitAt(raw, 1) * 100 + digitAt(raw, 2) * 10 + digitAt(raw, 3);
    const m = digitAt(raw, 5) * 10 + digitAt(raw, 6);
    const d = digitAt(raw, 8) * 10 + digitAt(raw, 9);
    return isRealDate(y, m, d) ? raw : null;
  }
  if (!vietnamese || raw.charCodeAt(2) !== 47 || raw.charCodeAt(5) !== 47) return SKIP;
  if (!isDigit(raw, 0) || !isDigit(raw, 1) || !isDigit(raw, 3) || !isDigit(raw, 4)) return SKIP;
  if (!isDigit(raw, 6) || !isDigit(raw, 7) || !isDigit(raw, 8) || !isDigit(raw, 9)) return SKIP;
  const d = digitAt(raw, 0) * 10 + digitAt(raw, 1);
  const m = digitAt(raw, 3) * 10 + digitAt(raw, 4);
  const y = digitAt(raw, 6) * 1000 + digitAt(raw, 7) * 100 + digitAt(raw, 8) * 10 + digitAt(raw, 9);
  if (!isRealDate(y, m, d)) return null;
  const key = y * 10000 + m * 100 + d;
  let text = texts.get(key);
  if (text === undefined) {
    text = `${y}-${raw.slice(3, 5)}-${raw.slice(0, 2)}`;
    texts.set(key, text);
  }
  return text;
}

/** The status words exactly as registries write them, by length. */
const BY_LENGTH = new Map<number, Array<[string, Status]>>();
for (const [word, status] of STATUS_WORDS_AS_WRITTEN) {
  const same = BY_LENGTH.get(word.length) ?? [];
  same.push([word, status]);
  BY_LENGTH.set(word.length, same);
}

/** A status word written as the registry writes it (NFC, its capitals): no normalising needed. */
export function statusShortcut(raw: string, vietnamese: boolean): Shortcut<Status | null> {
  if (!vietnamese) return SKIP;
  const candidates = BY_LENGTH.get(raw.length);
  if (candidates) for (const [word, status] of candidates) if (raw === word) return status;
  return SKIP;
}

/** Digits, or digits in groups of three after the first one to three, split by `.`, `,` or a space. */
export function capitalShortcut(raw: string): Shortcut<number | null> {
  const n = raw.length;
  if (n === 0) return null;
  if (n > 15 + 4) return SKIP;
  let value = 0;
  let digits = 0;
  let separator = 0;
  let sinceSeparator = 0;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
      sinceSeparator++;
      continue;
    }
    if (c !== 46 && c !== 44 && c !== 32) return SKIP;
    if (separator === 0) {
      if (sinceSeparator < 1 || sinceSeparator > 3) return SKIP;
      separator = c;
    } else if (c !== separator || sinceSeparator !== 3) return SKIP;
    sinceSeparator = 0;
  }
  if (separator !== 0 && sinceSeparator !== 3) return SKIP;
  // Fifteen digits are always a safe integer; the full parse judges longer ones.
  return digits > 15 ? SKIP : value;
}

/** A main code: 4 or 5 digits at the start of the cell, alone or before a non-digit (`6201 - …`). */
export function codeShortcut(raw: string): Shortcut<string | null> {
  let n = 0;
  while (n < raw.length && n < 6 && isDigit(raw, n)) n++;
  if (n < 4 || n > 5) return SKIP;
  return n === raw.length ? raw : raw.slice(0, n);
}

/** A list of 4- or 5-digit codes split by `;` alone: no spaces, no empty pieces, no names. */
export function codeListShortcut(raw: string): Shortcut<{ codes: string[]; bad: string | null }> {
  const codes: string[] = [];
  let start = 0;
  for (let i = 0; i <= raw.length; i++) {
    if (i < raw.length && raw.charCodeAt(i) !== 59) {
      if (!isDigit(raw, i)) return SKIP;
      continue;
    }
    const length = i - start;
    if (length === 0 && raw.length === 0) break;
    if (length < 4 || length > 5) return SKIP;
    const code = raw.slice(start, i);
    if (!codes.includes(code)) codes.push(code);
    start = i + 1;
  }
  return { codes, bad: null };
}
