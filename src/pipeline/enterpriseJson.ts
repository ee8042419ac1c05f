import type { Classification } from '../domain/classified.js';
import { F, type StagedRow } from './stagedRecord.js';

/**
 * The line of `enterprises/part-NN.ndjson.gz` for a staged row, written from the row's bytes into a
 * buffer: the bytes of `JSON.stringify(withClassification(decodeStaged(line), classification))`,
 * without decoding the row into strings and encoding them again, which was most of classify's time.
 * Validated fields (ids, codes, dates, enums, numbers) are copied as they are; free text (name, legal
 * form, feed id) is copied too unless it holds a byte that JSON escapes, and then goes through
 * `JSON.stringify`. `test/pipeline/enterpriseJson.test.ts` holds the bytes equal.
 */
export class EnterpriseJsonWriter {
  private readonly categories = new Map<string, Buffer>();

  /** The most bytes a row's line can take, `\n` included: free text escaped grows at most sixfold. */
  static room(row: StagedRow): number {
    return 512 + 6 * (row.end(F.line) - row.start(F.id));
  }

  /** Writes the line and its `\n` at `at` (with `room(row)` bytes free there); returns where it ends. */
  write(out: Buffer, at: number, row: StagedRow, c: Classification): number {
    let p = ascii(out, at, '{"enterprise_id":"');
    p = copy(out, p, row, F.id);
    p = ascii(
      out,
      p,
      row.bytes[row.start(F.dependent)] === 0x31
        ? '","is_dependent_unit":true'
        : '","is_dependent_unit":false',
    );
    p = text(out, ascii(out, p, ',"name":'), row, F.name);
    p = copy(out, ascii(out, p, ',"province_code":"'), row, F.province);
    p = ascii(out, p, '","legacy_province_code":');
    p = quotedOrNull(out, p, row, F.legacy);
    p = copy(out, ascii(out, p, ',"registration_date":"'), row, F.registered);
    p = copy(out, ascii(out, p, '","main_industry_code":"'), row, F.main);
    p = copy(out, ascii(out, p, '","main_industry_system":"'), row, F.system);
    p = list(out, ascii(out, p, '","secondary_industry_codes":'), row, F.secondary);
    p = list(out, ascii(out, p, ',"secondary_industry_systems":'), row, F.secondarySystems);
    p = copy(out, ascii(out, p, ',"status":"'), row, F.status);
    p = ascii(out, p, '","legal_form":');
    p = row.isEmpty(F.legalForm) ? ascii(out, p, 'null') : text(out, p, row, F.legalForm);
    p = ascii(out, p, ',"charter_capital_vnd":');
    p = row.isEmpty(F.capital) ? ascii(out, p, 'null') : copy(out, p, row, F.capital);
    p = quotedOrNull(out, ascii(out, p, ',"updated_at":'), row, F.updated);
    p = text(out, ascii(out, p, ',"feed_id":'), row, F.feed);
    p = copy(out, ascii(out, p, ',"line":'), row, F.line);
    p = ascii(out, p, c.is_dte ? ',"is_dte":true,"dte_category":' : ',"is_dte":false,"dte_category":');
    p = c.dte_category === null ? ascii(out, p, 'null') : this.category(out, p, c.dte_category);
    p = ascii(out, p, ',"dte_matched_code":');
    p = c.dte_matched_code === null ? ascii(out, p, 'null') : ascii(out, p, `"${c.dte_matched_code}"`);
    p = ascii(out, p, c.digital_secondary ? ',"digital_secondary":true}\n' : ',"digital_secondary":false}\n');
    return p;
  }

  private category(out: Buffer, at: number, category: string): number {
    let bytes = this.categories.get(category);
    if (!bytes) {
      bytes = Buffer.from(JSON.stringify(category));
      this.categories.set(category, bytes);
    }
    out.set(bytes, at);
    return at + bytes.length;
  }
}

/** ASCII text (the JSON around the fields): a byte a character. */
function ascii(out: Buffer, at: number, s: string): number {
  for (let i = 0; i < s.length; i++) out[at + i] = s.charCodeAt(i);
  return at + s.length;
}

function copy(out: Buffer, at: number, row: StagedRow, field: number): number {
  const src = row.bytes;
  const end = row.end(field);
  let p = at;
  for (let i = row.start(field); i < end; i++) out[p++] = src[i]!;
  return p;
}

function quotedOrNull(out: Buffer, at: number, row: StagedRow, field: number): number {
  if (row.isEmpty(field)) return ascii(out, at, 'null');
  out[at] = 0x22;
  const p = copy(out, at + 1, row, field);
  out[p] = 0x22;
  return p + 1;
}

/** `a,b` → `["a","b"]`; empty → `[]`. */
function list(out: Buffer, at: number, row: StagedRow, field: number): number {
  if (row.isEmpty(field)) return ascii(out, at, '[]');
  const src = row.bytes;
  const end = row.end(field);
  let p = ascii(out, at, '["');
  for (let i = row.start(field); i < end; i++) {
    const b = src[i]!;
    if (b === 0x2c) p = ascii(out, p, '","');
    else out[p++] = b;
  }
  return ascii(out, p, '"]');
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
