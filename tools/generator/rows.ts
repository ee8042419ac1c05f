import { currentProvinces, legacyProvinces } from '../../src/reference/provinces.js';
import { vnDkkd } from '../../src/reference/vocabulary.js';
import { CODE_NAMES, to2025 } from './codes.js';
import { toDays, toIso } from './dates.js';
import { type Enterprise, type Status, stateOn } from './enterprise.js';
import { spell } from './places.js';
import { entityPrng, type Prng } from './prng.js';

/** One export row in canonical terms; the format writers turn it into cells or JSON. */
export interface Row {
  id: string;
  name: string;
  province: string;
  legacy: string;
  founded: string;
  main: string;
  secondary: string[];
  status: Status;
  statusWord: string;
  legalForm: string;
  capital: string;
  capitalValue: number;
  updated: string;
  /** The head-office address (`addresses.ts`), empty until the writer gives it one. */
  address: string;
}

const MERGER_DAY = '2025-07-01';
const VSIC2025_DAY = '2025-11-15';

const WORDS: Record<Status, string[]> = vnDkkd.status_words;

let merged: Set<string> | undefined;
/** Current provinces that absorbed others on 2025-07-01. */
function mergedSuccessors(): Set<string> {
  if (!merged) {
    const counts = new Map<string, number>();
    for (const p of legacyProvinces()) counts.set(p.successor_code, (counts.get(p.successor_code) ?? 0) + 1);
    merged = new Set([...counts].filter(([, n]) => n > 1).map(([c]) => c));
  }
  return merged;
}

/** The current province of a code: codes 80, 52, 44, … were reused, so never the pre-2025 list's. */
function currentOf(code: string) {
  return currentProvinces().find((p) => p.code === code);
}

function capitalText(rng: Prng, value: number): string {
  const plain = String(value);
  const r = rng.next();
  if (r < 0.5) return plain.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  if (r < 0.8) return plain;
  return plain.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function codeCell(rng: Prng, code: string): string {
  const r = rng.next();
  if (r < 0.6) return code;
  if (r < 0.8) return `${code}0`;
  return `${code} - ${CODE_NAMES[code] ?? 'Ngành nghề theo đăng ký'}`;
}

export interface RowOptions {
  asOf: string;
  /** Rows of a merged province carry the pre-2025 column with this probability (1 for story cohorts). */
  legacyShare: number;
  /** Write the pre-2025 column even before the merger (the registry knew it all along). */
  legacyAlways?: boolean;
}

/** The registry's row for an enterprise on an as-of date, with its spellings drawn per row. */
export function rowOf(e: Enterprise, options: RowOptions, salt = 0): Row {
  const rng = entityPrng(e.index, toDays(options.asOf), salt + 11);
  const state = stateOn(e, options.asOf);
  let updated = state.updated;
  // After the switch most of the registry is re-coded in VSIC 2025, and the row says when.
  const recodeOn = toIso(toDays(VSIC2025_DAY) + (e.index % 40));
  const recoded = options.asOf >= recodeOn && e.variant < 0.8;
  if (recoded && recodeOn > updated) updated = recodeOn;
  const main = recoded ? to2025(state.code2018, e.variant * 10 - Math.floor(e.variant * 10)) : state.code2018;
  const secondary = e.secondary.map((c) => (recoded ? to2025(c, 0.5) : c));
  const p = e.province;
  let province: string;
  let legacy = '';
  if (options.asOf < MERGER_DAY) {
    province = spell(rng, p.name, p.full_name, p.name_en, p.code);
    if (options.legacyAlways && mergedSuccessors().has(p.successor_code)) legacy = p.name;
  } else {
    const successor = currentOf(p.successor_code) ?? p;
    province = spell(rng, successor.name, successor.full_name, successor.name_en, successor.code);
    if (mergedSuccessors().has(p.successor_code) && (options.legacyAlways || rng.chance(options.legacyShare)))
      legacy = p.name;
  }
  return {
    id: e.id,
    name: rng.chance(0.02) ? `${e.name}, chi nhánh "Số ${e.index % 9}"` : e.name,
    province,
    legacy,
    founded: e.founded,
    main: codeCell(rng, main),
    secondary,
    status: state.status,
    statusWord: rng.pick(WORDS[state.status]),
    legalForm: e.legalForm,
    capital: capitalText(rng, e.capital),
    capitalValue: e.capital,
    updated,
    address: '',
  };
}

/** A branch: the parent's id plus `-001`, never counted as an enterprise. */
export function branchOf(row: Row): Row {
  return { ...row, id: `${row.id}-001`, name: `Chi nhánh ${row.name}`, legalForm: 'Chi nhánh' };
}
