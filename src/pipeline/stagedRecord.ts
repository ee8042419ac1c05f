import { DteError } from '../domain/errors.js';
import type { IndustrySystem, IngestedRecord, Status } from '../domain/record.js';

/**
 * Validated rows between ingest and classify, one tab-separated line per row in a fixed field
 * order: several times faster to write and read than JSON, which the staging of a national export
 * spends most of its time on. Validation leaves no tab, CR or LF in any field (names are cleaned,
 * codes and dates are checked), and `encodeStaged` refuses one that slipped through. The first two
 * fields are what deduplication reads. Only this file knows the layout.
 */
const FIELDS = 16;

const BREAKS = /[\t\r\n]/;

function text(value: string, r: IngestedRecord): string {
  if (BREAKS.test(value)) {
    throw new DteError('a validated field holds a tab or line break', { feed: r.feed_id, row: r.line });
  }
  return value;
}

export function encodeStaged(r: IngestedRecord): string {
  return [
    r.enterprise_id,
    r.updated_at ?? '',
    r.feed_id,
    r.is_dependent_unit ? '1' : '0',
    text(r.name, r),
    r.province_code,
    r.legacy_province_code ?? '',
    r.registration_date,
    r.main_industry_code,
    r.main_industry_system,
    r.secondary_industry_codes.join(','),
    r.secondary_industry_systems.join(','),
    r.status,
    r.legal_form === null ? '' : text(r.legal_form, r),
    r.charter_capital_vnd === null ? '' : String(r.charter_capital_vnd),
    String(r.line),
  ].join('\t');
}

const list = (v: string): string[] => (v === '' ? [] : v.split(','));
const orNull = (v: string): string | null => (v === '' ? null : v);

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

/** Calls `each` with every non-empty line of a stream of bytes (`\n`-terminated). */
async function eachLine(
  body: AsyncIterable<Buffer>,
  each: (bytes: Buffer, start: number, end: number) => void,
): Promise<void> {
  let carry: Buffer | null = null;
  for await (const chunk of body) {
    let start = 0;
    if (carry) {
      const nl = chunk.indexOf(0x0a);
      if (nl < 0) {
        carry = Buffer.concat([carry, chunk]);
        continue;
      }
      const line = Buffer.concat([carry, chunk.subarray(0, nl)]);
      if (line.length > 0) each(line, 0, line.length);
      start = nl + 1;
      carry = null;
    }
    for (let nl = chunk.indexOf(0x0a, start); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
      if (nl > start) each(chunk, start, nl);
      start = nl + 1;
    }
    if (start < chunk.length) carry = chunk.subarray(start);
  }
  if (carry && carry.length > 0) each(carry, 0, carry.length);
}

/** What deduplication reads of a staged row: its id and update date. */
export type KeyHandler = (id: string, updated: string | null) => void;

/**
 * The keys of every row of a staged file, read from its bytes: deduplication needs only the first
 * two fields (ASCII by validation), so rows are neither decoded as UTF-8 nor split.
 */
export function scanStagedKeys(body: AsyncIterable<Buffer>, each: KeyHandler): Promise<void> {
  return eachLine(body, (bytes, start, end) => {
    const a = bytes.indexOf(0x09, start);
    const b = a < 0 ? -1 : bytes.indexOf(0x09, a + 1);
    if (b < 0 || b > end) {
      throw new DteError('a staged row has the wrong number of fields', { fields: b < 0 && a < 0 ? 1 : 2 });
    }
    each(bytes.toString('latin1', start, a), b > a + 1 ? bytes.toString('latin1', a + 1, b) : null);
  });
}
