import { AddressReader } from '../address/reader.js';
import type { Field } from '../domain/fields.js';
import type { IndustryCodeResolver } from '../domain/industry.js';
import type { IndustryCodesSetting, IndustrySystem, IngestedRecord, LegacySource } from '../domain/record.js';
import type { RejectReason } from '../domain/rejects.js';
import { provinceResolverAsOf, resolveLegacyProvince, successorOf } from '../reference/provinces.js';
import {
  cleanName,
  enterpriseId,
  industryCode,
  industryCodes,
  parseCapital,
  parseDate,
  parseStatus,
} from './fields.js';
import { memo } from './memo.js';
import {
  capitalShortcut,
  codeListShortcut,
  codeShortcut,
  type DateTexts,
  dateShortcut,
  SKIP,
  statusShortcut,
} from './shortcuts.js';

/** A row's cells by canonical field, as text (`''` when the column is absent or empty). */
export type RawRow = Record<Field, string>;

export interface RowContext {
  feedId: string;
  asOf: string;
  vietnamese: boolean;
  industryCodes: IndustryCodesSetting;
  industry: IndustryCodeResolver;
  defaultProvince: string | null;
  /** A row with a cell past this many bytes is rejected (`limits.max_cell_bytes`). */
  maxCellBytes: number;
  caches: RowCaches;
}

export type RowOutcome =
  | { ok: true; record: IngestedRecord; warning: string | null }
  | { ok: false; reason: RejectReason; message: string };

const reject = (reason: RejectReason, message: string): RowOutcome => ({ ok: false, reason, message });

/**
 * Cells repeat across rows: each distinct text is parsed once per file. The caches belong to one
 * parse (`createRowCaches` in `parseFeed`), so nothing stays in a worker's memory between jobs.
 */
export function createRowCaches(vietnamese: boolean, asOf: string) {
  const dateTexts: DateTexts = new Map();
  return {
    date: shortcut(
      (raw) => dateShortcut(raw, vietnamese, dateTexts),
      memo((raw) => parseDate(raw, vietnamese)),
    ),
    status: shortcut(
      (raw) => statusShortcut(raw, vietnamese),
      memo((raw) => parseStatus(raw, vietnamese)),
    ),
    capital: shortcut(capitalShortcut, memo(parseCapital)),
    codeList: shortcut(codeListShortcut, memo(industryCodes)),
    mainCode: shortcut(codeShortcut, memo(industryCode)),
    province: memo(provinceResolverAsOf(asOf), 10_000),
    legacyProvince: memo(resolveLegacyProvince, 10_000),
    address: new AddressReader(asOf),
  };
}
export type RowCaches = ReturnType<typeof createRowCaches>;

/** The shortcut's answer, or the cached full parse where the shortcut is unsure (`shortcuts.ts`). */
function shortcut<T>(fast: (raw: string) => T | typeof SKIP, full: (raw: string) => T): (raw: string) => T {
  return (raw) => {
    const value = fast(raw);
    return value === SKIP ? full(raw) : value;
  };
}

/** Where a row's enterprise is: its province, its pre-2025 province and its commune, each where certain. */
interface Located {
  code: string;
  legacy_code: string | null;
  legacy_source: LegacySource | null;
  commune_code: string | null;
  warning: string | null;
}

/**
 * The province cell decides the province; the pre-2025 province comes from the first evidence that
 * makes it certain: the legacy column, the province cell, the address. An address naming another
 * province than the cell is a warning, and the cell wins (the registry's own field; addresses go stale).
 */
function locate(raw: RawRow, ctx: RowContext): Located | string {
  const { province, legacyProvince } = ctx.caches;
  const given = raw.province.trim() || ctx.defaultProvince || '';
  if (given === '') return 'no province given';
  const resolved = province(given);
  if (!resolved) return `unknown province ${JSON.stringify(given)}`;
  let legacy = resolved.legacy_code;
  let source: LegacySource | null = legacy === null ? null : 'province';
  const legacyRaw = raw.legacy_province.trim();
  if (legacyRaw !== '') {
    legacy = legacyProvince(legacyRaw);
    if (!legacy) return `unknown pre-2025 province ${JSON.stringify(legacyRaw)}`;
    if (successorOf(legacy) !== resolved.code) {
      return `pre-2025 province ${JSON.stringify(legacyRaw)} did not become ${JSON.stringify(given)}`;
    }
    source = 'column';
  }
  const located: Located = {
    code: resolved.code,
    legacy_code: legacy,
    legacy_source: source,
    commune_code: null,
    warning: null,
  };
  if (raw.address === '') return located;
  const place = ctx.caches.address.read(raw.address, resolved, legacy);
  if (place.conflict !== null) {
    const warning = `the address names ${JSON.stringify(place.conflict)}, the province cell ${JSON.stringify(given)}: the province cell is kept`;
    return { ...located, warning };
  }
  if (legacy === null && place.legacy_code !== null) {
    located.legacy_code = place.legacy_code;
    located.legacy_source = 'commune';
  }
  return { ...located, commune_code: place.commune_code };
}

/** Validates and normalises one row (`spec/input.md`): a canonical record, or the reason it is rejected. */
export function validateRow(raw: RawRow, line: number, ctx: RowContext): RowOutcome {
  const id = enterpriseId(raw.enterprise_id);
  if (!id)
    return reject(
      'invalid_enterprise_id',
      `enterprise id ${JSON.stringify(raw.enterprise_id)} is not 10 digits (or 10-3 for a dependent unit)`,
    );
  const name = cleanName(raw.name);
  if (name === '') return reject('missing_name', 'the name is empty');
  const where = locate(raw, ctx);
  if (typeof where === 'string') return reject('unknown_province', where);
  const {
    date: dateOf,
    status: statusOf,
    capital: capitalOf,
    codeList: codeListOf,
    mainCode: mainCodeOf,
  } = ctx.caches;
  const registered = dateOf(raw.registration_date);
  if (!registered)
    return reject('invalid_date', `registration date ${JSON.stringify(raw.registration_date)} is not a date`);
  if (registered > ctx.asOf)
    return reject('future_registration_date', `registered ${registered}, after the as-of date ${ctx.asOf}`);
  const updatedRaw = raw.updated_at.trim();
  const updated = updatedRaw === '' ? null : dateOf(updatedRaw);
  if (updatedRaw !== '' && !updated)
    return reject('invalid_date', `update date ${JSON.stringify(updatedRaw)} is not a date`);
  const rowDate = updated ?? ctx.asOf;
  const main = mainCodeOf(raw.main_industry_code);
  const mainSystem = main === null ? null : ctx.industry.resolve(main, ctx.industryCodes, rowDate);
  if (main === null || mainSystem === null) {
    return reject(
      'invalid_industry_code',
      `main industry code ${JSON.stringify(raw.main_industry_code)} is not a VSIC class of ${systemsText(ctx)}`,
    );
  }
  const secondary = codeListOf(raw.secondary_industry_codes);
  if (secondary.bad !== null)
    return reject(
      'invalid_industry_code',
      `secondary industry code ${JSON.stringify(secondary.bad)} is not a code`,
    );
  const secondarySystems: IndustrySystem[] = [];
  for (const code of secondary.codes) {
    const system = ctx.industry.resolve(code, ctx.industryCodes, rowDate);
    if (system === null)
      return reject(
        'invalid_industry_code',
        `secondary industry code ${code} is not a VSIC class of ${systemsText(ctx)}`,
      );
    secondarySystems.push(system);
  }
  const status = statusOf(raw.status);
  if (!status) return reject('unknown_status', `status ${JSON.stringify(raw.status)} is not a known status`);
  const capital = capitalOf(raw.charter_capital_vnd);
  if (capital === undefined)
    return reject(
      'invalid_number',
      `charter capital ${JSON.stringify(raw.charter_capital_vnd)} is not a whole number of dong`,
    );
  const legalForm = cleanName(raw.legal_form);
  return {
    ok: true,
    record: {
      enterprise_id: id,
      is_dependent_unit: id.length > 10,
      name,
      province_code: where.code,
      legacy_province_code: where.legacy_code,
      legacy_source: where.legacy_source,
      commune_code: where.commune_code,
      registration_date: registered,
      main_industry_code: main,
      main_industry_system: mainSystem,
      secondary_industry_codes: [...secondary.codes],
      secondary_industry_systems: secondarySystems,
      status,
      legal_form: legalForm === '' ? null : legalForm,
      charter_capital_vnd: capital,
      updated_at: updated,
      feed_id: ctx.feedId,
      line,
    },
    warning: where.warning,
  };
}

function systemsText(ctx: RowContext): string {
  return ctx.industryCodes === 'auto'
    ? 'VSIC 2018 or VSIC 2025'
    : ctx.industryCodes === 'vsic2018'
      ? 'VSIC 2018'
      : 'VSIC 2025';
}
