import type { Status } from '../domain/record.js';
import { vnDkkd } from '../reference/vocabulary.js';

/** `0100 109 106`, `0100.109.106` → `0100109106`; null unless an enterprise or dependent-unit id. */
export function enterpriseId(raw: string): string | null {
  if (ENTERPRISE_ID.test(raw)) return raw; // most ids come without separators
  const id = raw.replace(/[\s.]/g, '');
  return ENTERPRISE_ID.test(id) ? id : null;
}

const ENTERPRISE_ID = /^\d{10}(-\d{3})?$/;

const COMBINING = /[\u0300-\u036f]/;
const LOOSE_SPACE = /\s\s|[\t\n\r\f\v\u00a0]/;

/** NFC, trimmed, inner white space collapsed; text already clean is returned as it is. */
export function cleanName(raw: string): string {
  if (isClean(raw)) return raw;
  const nfc = COMBINING.test(raw) ? raw.normalize('NFC') : raw;
  const trimmed = nfc.trim();
  return LOOSE_SPACE.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

/**
 * Whether `cleanName` would give the text back unchanged, in one pass over it (two regular
 * expressions and a trim cost a name four times as much): no combining mark (so NFC changes
 * nothing), no white space at either end, no two white spaces running, and no white space but the
 * plain space. Control characters send the text the long way, to be safe.
 */
function isClean(raw: string): boolean {
  let space = true; // white space at the start is not clean
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x20) {
      if (space) return false;
      space = true;
      continue;
    }
    space = false;
    if (c < 0x20) return false;
    if (c < 0xa0) continue;
    if (c >= 0x300 && c <= 0x36f) return false;
    if (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029)
      return false;
    if (c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) return false;
  }
  return !space || raw.length === 0;
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a day exists (from 1900 on: registries hold no earlier enterprise). */
export function isRealDate(y: number, m: number, d: number): boolean {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && !leap ? 28 : DAYS[m - 1]!);
}

function isoOf(y: number, m: number, d: number): string | null {
  if (!isRealDate(y, m, d)) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** ISO `yyyy-MM-dd`, and `dd/MM/yyyy` where Vietnamese dates are allowed; null when no real date. */
export function parseDate(raw: string, vietnamese: boolean): string | null {
  const text = raw.trim();
  const iso = ISO.exec(text);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const vn = vietnamese ? VN.exec(text) : null;
  return vn ? isoOf(Number(vn[3]), Number(vn[2]), Number(vn[1])) : null;
}

const STATUS_WORDS: Record<string, Status> = {};
/** The status words as registries write them, each with its status. */
export const STATUS_WORDS_AS_WRITTEN: ReadonlyArray<readonly [string, Status]> = Object.entries(
  vnDkkd.status_words,
).flatMap(([status, list]) => list.map((w) => [w, status as Status] as const));
for (const [w, status] of STATUS_WORDS_AS_WRITTEN) STATUS_WORDS[statusKey(w)] = status;

function statusKey(raw: string): string {
  return raw.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Vietnamese status words (NFC, any case), or the enum words themselves in the canonical formats. */
export function parseStatus(raw: string, vietnamese: boolean): Status | null {
  const key = statusKey(raw);
  if (vietnamese) return STATUS_WORDS[key] ?? null;
  return key === 'active' || key === 'suspended' || key === 'dissolving' || key === 'dissolved' ? key : null;
}

const THOUSANDS = [/^\d{1,3}(\.\d{3})+$/, /^\d{1,3}(,\d{3})+$/, /^\d{1,3}( \d{3})+$/];

/** `1.000.000.000`, `1,000,000,000`, `1000000000` → 10^9; empty → null; anything else → undefined. */
export function parseCapital(raw: string): number | null | undefined {
  const text = raw.trim();
  if (text.length === 0) return null;
  const digits = /^\d+$/.test(text)
    ? text
    : THOUSANDS.some((re) => re.test(text))
      ? text.replace(/[., ]/g, '')
      : null;
  if (digits === null) return undefined;
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : undefined;
}

const LEADING_CODE = /^\s*(\d{4,5})(?!\d)/;

/** `6201`, `62010`, `6201 - Lập trình máy vi tính` → the leading 4 or 5 digits; null otherwise. */
export function industryCode(raw: string): string | null {
  return LEADING_CODE.exec(raw)?.[1] ?? null;
}

/** A `;`-separated list of codes: empty pieces skipped, duplicates removed, order kept; null if one is bad. */
export function industryCodes(raw: string): { codes: string[]; bad: string | null } {
  const codes: string[] = [];
  for (const piece of raw.split(';')) {
    if (piece.trim().length === 0) continue;
    const code = industryCode(piece);
    if (code === null) return { codes, bad: piece.trim() };
    if (!codes.includes(code)) codes.push(code);
  }
  return { codes, bad: null };
}
