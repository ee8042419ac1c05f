import type { Classification } from '../domain/classified.js';
import { F, type StagedRow } from './stagedRecord.js';

/**
 * The line of `enterprises/part-NN.ndjson.gz` for a staged row, written from the row's bytes into a
 * buffer: the bytes of `JSON.stringify(withClassification(decodeStaged(line), classification))`,
 * without decoding the row into strings and encoding them again, which was most of classify's time.
 * Validated fields (ids, codes, dates, enums, numbers) are copied as they are; free text (name, legal
 * form, feed id) is copied too unless it holds a byte that JSON escapes, and then goes through
 * `JSON.stringify`. `test/staging/enterpriseJson.test.ts` holds the bytes equal.
 */
export class EnterpriseJsonWriter {
  private readonly texts = new Map<string, Buffer>();

  /** The most bytes a row's line can take, `\n` included: free text escaped grows at most sixfold. */
  static room(row: StagedRow): number {
    return 512 + 6 * (row.end(F.line) - row.start(F.id));
  }

  /** Writes the line and its `\n` at `at` (with `room(row)` bytes free there); returns where it ends. */
  write(out: Buffer, at: number, row: StagedRow, c: Classification): number {
    const dependent = row.bytes[row.start(F.dependent)] === 0x31;
    let p = copy(out, put(out, at, K.id), row, F.id);
    p = text(out, put(out, p, dependent ? K.dependentTrue : K.dependentFalse), row, F.name);
    p = copy(out, put(out, p, K.province), row, F.province);
    p = row.isEmpty(F.legacy)
      ? put(out, p, K.legacyNull)
      : put(out, copy(out, put(out, p, K.legacy), row, F.legacy), K.quote);
    p = quotedOrNull(out, put(out, p, K.source), row, F.legacySource);
    p = quotedOrNull(out, put(out, p, K.commune), row, F.commune);
    p = copy(out, put(out, p, K.registered), row, F.registered);
    p = copy(out, put(out, p, K.main), row, F.main);
    p = copy(out, put(out, p, K.system), row, F.system);
    p = list(out, put(out, p, K.secondary), row, F.secondary);
    p = list(out, put(out, p, K.secondarySystems), row, F.secondarySystems);
    p = copy(out, put(out, p, K.status), row, F.status);
    p = put(out, p, K.legalForm);
    p = row.isEmpty(F.legalForm) ? put(out, p, K.null) : text(out, p, row, F.legalForm);
    p = put(out, p, K.capital);
    p = row.isEmpty(F.capital) ? put(out, p, K.null) : copy(out, p, row, F.capital);
    p = quotedOrNull(out, put(out, p, K.updated), row, F.updated);
    p = text(out, put(out, p, K.feed), row, F.feed);
    p = copy(out, put(out, p, K.line), row, F.line);
    if (!c.is_dte && c.dte_category === null && c.dte_matched_code === null) {
      // Most rows: the whole tail of a non-DTE in one piece.
      return put(out, p, c.digital_secondary ? K.otherSecondaryTrue : K.otherSecondaryFalse);
    }
    p = put(out, p, c.is_dte ? K.dteTrue : K.dteFalse);
    p = put(out, p, c.dte_category === null ? K.null : this.quoted(c.dte_category));
    p = put(out, p, K.matched);
    p = put(out, p, c.dte_matched_code === null ? K.null : this.quoted(c.dte_matched_code));
    return put(out, p, c.digital_secondary ? K.secondaryTrue : K.secondaryFalse);
  }

  /** A category or matched code as a JSON string, encoded once. */
  private quoted(text: string): Buffer {
    let bytes = this.texts.get(text);
    if (!bytes) {
      bytes = Buffer.from(JSON.stringify(text));
      this.texts.set(text, bytes);
    }
    return bytes;
  }
}

/** The JSON between the fields, as bytes: copying a constant with `set` costs half a loop over its text. */
const TEXTS = {
  id: '{"enterprise_id":"',
  dependentTrue: '","is_dependent_unit":true,"name":',
  dependentFalse: '","is_dependent_unit":false,"name":',
  province: ',"province_code":"',
  legacy: '","legacy_province_code":"',
  legacyNull: '","legacy_province_code":null',
  quote: '"',
  source: ',"legacy_source":',
  commune: ',"commune_code":',
  registered: ',"registration_date":"',
  main: '","main_industry_code":"',
  system: '","main_industry_system":"',
  secondary: '","secondary_industry_codes":',
  secondarySystems: ',"secondary_industry_systems":',
  status: ',"status":"',
  legalForm: '","legal_form":',
  capital: ',"charter_capital_vnd":',
  updated: ',"updated_at":',
  feed: ',"feed_id":',
  line: ',"line":',
  dteTrue: ',"is_dte":true,"dte_category":',
  dteFalse: ',"is_dte":false,"dte_category":',
  matched: ',"dte_matched_code":',
  secondaryTrue: ',"digital_secondary":true}\n',
  otherSecondaryTrue:
    ',"is_dte":false,"dte_category":null,"dte_matched_code":null,"digital_secondary":true}\n',
  otherSecondaryFalse:
    ',"is_dte":false,"dte_category":null,"dte_matched_code":null,"digital_secondary":false}\n',
  secondaryFalse: ',"digital_secondary":false}\n',
  null: 'null',
  emptyList: '[]',
  listOpen: '["',
  listSeparator: '","',
  listClose: '"]',
};
const K: Record<keyof typeof TEXTS, Buffer> = Object.fromEntries(
  Object.entries(TEXTS).map(([name, text]) => [name, Buffer.from(text, 'latin1')]),
) as Record<keyof typeof TEXTS, Buffer>;

function put(out: Buffer, at: number, bytes: Buffer): number {
  out.set(bytes, at);
  return at + bytes.length;
}

function copy(out: Buffer, at: number, row: StagedRow, field: number): number {
  const src = row.bytes;
  const end = row.end(field);
  let p = at;
  for (let i = row.start(field); i < end; i++) out[p++] = src[i]!;
  return p;
}

function quotedOrNull(out: Buffer, at: number, row: StagedRow, field: number): number {
  if (row.isEmpty(field)) return put(out, at, K.null);
  out[at] = 0x22;
  const p = copy(out, at + 1, row, field);
  out[p] = 0x22;
  return p + 1;
}

/** `a,b` → `["a","b"]`; empty → `[]`. */
function list(out: Buffer, at: number, row: StagedRow, field: number): number {
  if (row.isEmpty(field)) return put(out, at, K.emptyList);
  const src = row.bytes;
  const end = row.end(field);
  let p = put(out, at, K.listOpen);
  for (let i = row.start(field); i < end; i++) {
    const b = src[i]!;
    if (b === 0x2c) p = put(out, p, K.listSeparator);
    else out[p++] = b;
  }
  return put(out, p, K.listClose);
}

/**
 * Free text as a JSON string. UTF-8 passes through JSON.stringify unchanged (staged text is well
 * formed, so there are no lone surrogates to escape); only `"`, `\` and control characters are
 * escaped, and a field holding one is left to JSON.stringify itself.
 */
function text(out: Buffer, at: number, row: StagedRow, field: number): number {
  const src = row.bytes;
  const end = row.end(field);
  out[at] = 0x22;
  let p = at + 1;
  for (let i = row.start(field); i < end; i++) {
    const b = src[i]!;
    if (b === 0x22 || b === 0x5c || b < 0x20) {
      return at + out.write(JSON.stringify(src.toString('utf8', row.start(field), end)), at);
    }
    out[p++] = b;
  }
  out[p] = 0x22;
  return p + 1;
}
