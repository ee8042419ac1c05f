import { dateNumberOfBytes } from '../domain/dates.js';
import { DteError } from '../domain/errors.js';
import type { IndustrySystem, IngestedRecord, LegacySource, Status } from '../domain/record.js';
import type { LineBuffer } from './lineBuffer.js';

/**
 * Validated rows between ingest and classify, one tab-separated line per row in a fixed field
 * order: several times faster to write and read than JSON, which the staging of a national export
 * spends most of its time on. Validation leaves no tab, CR or LF in any field (names are cleaned,
 * codes and dates are checked), and `writeStaged` refuses one that slipped through. The first two
 * fields are what deduplication reads. Only this file knows the layout.
 */
const FIELDS = 18;

const BREAKS = /[\t\r\n]/;

/** A free-text field as staged: refused when it holds a tab or line break the layout cannot carry. */
export function text(value: string, r: IngestedRecord): string {
  if (BREAKS.test(value)) {
    throw new DteError('a validated field holds a tab or line break', { feed: r.feed_id, row: r.line });
  }
  return value;
}

/**
 * A staged line and its `\n`, encoded straight into `lines`: ASCII fields (all but the name and
 * legal form, by validation) a byte a character, the free text as UTF-8, numbers as their digits.
 * `test/support/referenceStaged.ts` writes the same bytes the plain way; a test holds them equal.
 */
export function writeStaged(r: IngestedRecord, lines: LineBuffer): void {
  const name = text(r.name, r);
  const legalForm = r.legal_form === null ? '' : text(r.legal_form, r);
  const secondary = r.secondary_industry_codes;
  // A UTF-16 unit takes at most 3 bytes; ids, dates, codes and the numbers' digits fit in the rest.
  const room = 3 * (name.length + legalForm.length + r.feed_id.length) + 16 * secondary.length + 160;
  const out = lines.space(room);
  let p = put(out, lines.length, r.enterprise_id);
  out[p++] = TAB;
  if (r.updated_at !== null) p = put(out, p, r.updated_at);
  out[p++] = TAB;
  p = put(out, p, r.feed_id);
  out[p++] = TAB;
  out[p++] = r.is_dependent_unit ? 0x31 : 0x30;
  out[p++] = TAB;
  p += out.write(name, p);
  out[p++] = TAB;
  p = put(out, p, r.province_code);
  out[p++] = TAB;
  if (r.legacy_province_code !== null) p = put(out, p, r.legacy_province_code);
  out[p++] = TAB;
  p = put(out, p, r.registration_date);
  out[p++] = TAB;
  p = put(out, p, r.main_industry_code);
  out[p++] = TAB;
  p = put(out, p, r.main_industry_system);
  out[p++] = TAB;
  p = putList(out, p, secondary);
  out[p++] = TAB;
  p = putList(out, p, r.secondary_industry_systems);
  out[p++] = TAB;
  p = put(out, p, r.status);
  out[p++] = TAB;
  p += out.write(legalForm, p);
  out[p++] = TAB;
  if (r.charter_capital_vnd !== null) p = put(out, p, String(r.charter_capital_vnd));
  out[p++] = TAB;
  p = put(out, p, String(r.line));
  out[p++] = TAB;
  if (r.commune_code !== null) p = put(out, p, r.commune_code);
  out[p++] = TAB;
  if (r.legacy_source !== null) p = put(out, p, r.legacy_source);
  out[p++] = 0x0a;
  lines.commit(p);
}

/** Text that validation keeps ASCII, a byte a character; anything else as UTF-8, to be safe. */
function put(out: Buffer, at: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return at + out.write(s, at);
    out[at + i] = c;
  }
  return at + s.length;
}

function putList(out: Buffer, at: number, values: readonly string[]): number {
  let p = at;
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out[p++] = 0x2c;
    p = put(out, p, values[i]!);
  }
  return p;
}

const list = (v: string): string[] => (v === '' ? [] : v.split(','));
const orNull = (v: string): string | null => (v === '' ? null : v);

/** Field positions of the layout, for code that reads a staged row in place (`StagedRow`). */
export const F = {
  id: 0,
  updated: 1,
  feed: 2,
  dependent: 3,
  name: 4,
  province: 5,
  legacy: 6,
  registered: 7,
  main: 8,
  system: 9,
  secondary: 10,
  secondarySystems: 11,
  status: 12,
  legalForm: 13,
  capital: 14,
  line: 15,
  commune: 16,
  legacySource: 17,
} as const;

export function decodeStaged(line: string): IngestedRecord {
  const f = line.split('\t');
  if (f.length !== FIELDS)
    throw new DteError('a staged row has the wrong number of fields', { fields: f.length });
  const at = (i: number): string => f[i] as string;
  return {
    enterprise_id: at(0),
    is_dependent_unit: at(3) === '1',
    name: at(4),
    province_code: at(5),
    legacy_province_code: orNull(at(6)),
    legacy_source: orNull(at(17)) as LegacySource | null,
    commune_code: orNull(at(16)),
    registration_date: at(7),
    main_industry_code: at(8),
    main_industry_system: at(9) as IndustrySystem,
    secondary_industry_codes: list(at(10)),
    secondary_industry_systems: list(at(11)) as IndustrySystem[],
    status: at(12) as Status,
    legal_form: orNull(at(13)),
    charter_capital_vnd: at(14) === '' ? null : Number(at(14)),
    updated_at: orNull(at(1)),
    feed_id: at(2),
    line: Number(at(15)),
  };
}

/** The fields of a staged row that classification and the counts read: all ASCII by validation. */
export type StagedCodes = Pick<
  IngestedRecord,
  | 'is_dependent_unit'
  | 'province_code'
  | 'legacy_province_code'
  | 'commune_code'
  | 'registration_date'
  | 'main_industry_code'
  | 'main_industry_system'
  | 'secondary_industry_codes'
  | 'secondary_industry_systems'
  | 'status'
>;

const TAB = 0x09;
/** How the pieces of a list field are keyed (`StagedRow.list`). */
const DIGITS = 0;
const WORD = 1;

/**
 * One staged row read in place: where each field starts and ends in the line's bytes. Classify reads
 * a national export's rows this way, decoding only the few ASCII fields it needs, so that most rows
 * are never turned into strings at all (`EnterpriseJsonWriter` copies their bytes). One instance is
 * reused for every row of a partition.
 */
export class StagedRow {
  bytes: Buffer = Buffer.alloc(0);
  private readonly starts = new Int32Array(FIELDS);
  private readonly ends = new Int32Array(FIELDS);

  /** Points the view at the line `bytes[start, end)`. */
  read(bytes: Buffer, start: number, end: number): void {
    this.bytes = bytes;
    let field = 0;
    this.starts[0] = start;
    for (let i = start; i < end; i++) {
      if (bytes[i] !== TAB) continue;
      if (field === FIELDS - 1)
        throw new DteError('a staged row has too many fields', { fields: FIELDS + 1 });
      this.ends[field] = i;
      this.starts[++field] = i + 1;
    }
    if (field !== FIELDS - 1)
      throw new DteError('a staged row has the wrong number of fields', { fields: field + 1 });
    this.ends[field] = end;
  }

  start(field: number): number {
    return this.starts[field]!;
  }

  end(field: number): number {
    return this.ends[field]!;
  }

  isEmpty(field: number): boolean {
    return this.starts[field] === this.ends[field];
  }

  /** An ASCII field as text. */
  ascii(field: number): string {
    return this.bytes.toString('latin1', this.starts[field]!, this.ends[field]!);
  }

  /**
   * What classification and the counts need. Their texts repeat across a partition (34 provinces,
   * a few hundred codes, some thousand dates), so each is made once, found again by a number read
   * from its bytes: most rows make no string at all. One object (and its two lists) serves every
   * row: it holds the current row's codes until the next call, so nobody may keep it.
   */
  codes(): StagedCodes {
    const c = this.current;
    c.is_dependent_unit = this.bytes[this.starts[F.dependent]!] === 0x31;
    c.province_code = this.known(F.province, this.digitsKey(F.province));
    c.legacy_province_code = this.isEmpty(F.legacy) ? null : this.known(F.legacy, this.digitsKey(F.legacy));
    c.commune_code = this.isEmpty(F.commune) ? null : this.known(F.commune, this.digitsKey(F.commune));
    c.registration_date = this.known(F.registered, this.dateKey(F.registered));
    c.main_industry_code = this.known(F.main, this.digitsKey(F.main));
    c.main_industry_system = this.word(F.system) as IndustrySystem;
    this.list(F.secondary, c.secondary_industry_codes, DIGITS);
    this.list(F.secondarySystems, c.secondary_industry_systems as string[], WORD);
    c.status = this.word(F.status) as Status;
    return c;
  }

  private readonly current: StagedCodes = {
    is_dependent_unit: false,
    province_code: '',
    legacy_province_code: null,
    commune_code: null,
    registration_date: '',
    main_industry_code: '',
    main_industry_system: 'vsic2018',
    secondary_industry_codes: [],
    secondary_industry_systems: [],
    status: 'active',
  };

  private readonly texts = Array.from({ length: FIELDS }, () => new KeyedTexts());
  private readonly words = Array.from({ length: FIELDS }, () => new WordTexts());

  /** The field's text, made once per key; a key of -1 (no key for these bytes) makes it afresh. */
  private known(field: number, key: number, start = this.starts[field]!, end = this.ends[field]!): string {
    if (key < 0) return this.bytes.toString('latin1', start, end);
    const texts = this.texts[field]!;
    let text = texts.get(key);
    if (text === undefined) {
      text = this.bytes.toString('latin1', start, end);
      texts.set(key, text);
    }
    return text;
  }

  /** A word field's text (a status, a code system): the same few words over and over. */
  private word(field: number, start = this.starts[field]!, end = this.ends[field]!): string {
    return this.words[field]!.of(this.bytes, start, end);
  }

  /**
   * Up to 12 digits as one number, told apart by length (leading zeros count): each length has its
   * own range, the shorter first, so that codes of up to 5 digits (communes, industries) stay small
   * keys; else -1.
   */
  private digitsKey(field: number, start = this.starts[field]!, end = this.ends[field]!): number {
    if (end - start > 12) return -1;
    let value = 0;
    for (let i = start; i < end; i++) {
      const d = this.bytes[i]! - 48;
      if (d < 0 || d > 9) return -1;
      value = value * 10 + d;
    }
    return value + LENGTH_BASE[end - start]!;
  }

  /** A `yyyy-MM-dd` date from 1900 to 2599 as a number below 2^18 (day by day); else -1. */
  private dateKey(field: number): number {
    const n = dateNumberOfBytes(this.bytes, this.starts[field]!, this.ends[field]!);
    const year = Math.floor(n / 10_000);
    if (n < 0 || year < 1900 || year > 2599) return -1;
    return ((year - 1900) * 12 + (Math.floor(n / 100) % 100) - 1) * 31 + (n % 100) - 1;
  }

  /** A `,`-separated field's pieces into `into` (emptied first), each keyed by its digits or read as a word. */
  private list(field: number, into: string[], keyed: typeof DIGITS | typeof WORD): void {
    into.length = 0;
    const start = this.starts[field]!;
    const end = this.ends[field]!;
    if (start === end) return;
    let from = start;
    for (let i = start; i <= end; i++) {
      if (i < end && this.bytes[i] !== 0x2c) continue;
      into.push(
        keyed === DIGITS
          ? this.known(field, this.digitsKey(field, from, i), from, i)
          : this.word(field, from, i),
      );
      from = i + 1;
    }
  }

  /** The whole row decoded, as `decodeStaged` would. */
  record(): IngestedRecord {
    return decodeStaged(this.bytes.toString('utf8', this.starts[0]!, this.ends[FIELDS - 1]!));
  }
}

/** Where the keys of `n` digits start: after the 10 + 100 + … keys of the shorter lengths. */
const LENGTH_BASE = Array.from({ length: 13 }, (_, n) => (10 ** n - 1) / 9);

/** Keys below this find their text through a typed index: a map keyed by numbers cost classify a tenth of its work. */
const SMALL_KEYS = 1 << 18;

/**
 * Texts by a number read from their bytes (`digitsKey`, `dateKey`): small keys through an index of
 * positions, allocated on first use and touched only where keys fall; larger ones through a map.
 */
class KeyedTexts {
  private index: Int32Array | null = null;
  private readonly texts: string[] = [];
  private readonly large = new Map<number, string>();

  get(key: number): string | undefined {
    if (key >= SMALL_KEYS) return this.large.get(key);
    const at = this.index === null ? 0 : this.index[key]!;
    return at === 0 ? undefined : this.texts[at - 1];
  }

  set(key: number, text: string): void {
    if (key >= SMALL_KEYS) {
      this.large.set(key, text);
      return;
    }
    this.index ??= new Int32Array(SMALL_KEYS);
    this.texts.push(text);
    this.index[key] = this.texts.length;
  }
}

/** The few words a field holds, found by comparing bytes with each (latin1: a byte a character). */
class WordTexts {
  private readonly known: string[] = [];

  of(bytes: Buffer, start: number, end: number): string {
    const length = end - start;
    for (const word of this.known) {
      if (word.length === length && sameBytes(word, bytes, start)) return word;
    }
    const word = bytes.toString('latin1', start, end);
    if (this.known.length < MAX_WORDS) this.known.push(word);
    return word;
  }
}

/** Beyond this many distinct words a field's texts are made afresh (validation allows only a few). */
const MAX_WORDS = 16;

function sameBytes(word: string, bytes: Buffer, start: number): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== bytes[start + i]) return false;
  return true;
}

/**
 * What reads the lines of a piece in place: an object with a method, not a callback
 * (docs/performance.md, "A class, not a closure").
 */
export interface LineVisitor {
  line(bytes: Buffer, start: number, end: number): void;
}

/** Hands `visitor` the range of every non-empty line of a piece of whole lines (see `wholeLines`). */
export function eachLineOf(piece: Buffer, visitor: LineVisitor): void {
  let start = 0;
  for (let nl = piece.indexOf(0x0a); nl >= 0; nl = piece.indexOf(0x0a, start)) {
    if (nl > start) visitor.line(piece, start, nl);
    start = nl + 1;
  }
  if (start < piece.length) visitor.line(piece, start, piece.length);
}
