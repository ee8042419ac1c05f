import type { LegacyProvince } from '../../src/reference/provinces.js';
import { COMMON, COMMON_TOTAL, DTE_2018, DTE_2018_TOTAL } from './codes.js';
import { toDays, toIso } from './dates.js';
import { provinceTable } from './places.js';
import { entityPrng, weighted } from './prng.js';

export type Status = 'active' | 'suspended' | 'dissolving' | 'dissolved';

/** One simulated enterprise: everything about it follows from (seed, index), never from row order. */
export interface Enterprise {
  index: number;
  id: string;
  name: string;
  province: LegacyProvince;
  founded: string;
  code2018: string;
  dte: boolean;
  /** A non-DTE that moves its main activity to a DTE class on this date. */
  convert: { on: string; code: string } | null;
  /** Status changes, in date order. */
  events: Array<{ on: string; status: Status }>;
  secondary: string[];
  legalForm: string;
  capital: number;
  branch: boolean;
  variant: number;
}

const FORMS = [
  'Công ty TNHH một thành viên',
  'Công ty TNHH hai thành viên trở lên',
  'Công ty cổ phần',
  'Doanh nghiệp tư nhân',
];
const WORDS = [
  'Thương mại',
  'Dịch vụ',
  'Công nghệ',
  'Xây dựng',
  'Đầu tư',
  'Phát triển',
  'Sản xuất',
  'Vận tải',
  'Giải pháp',
  'Minh Anh',
  'Hoàng Long',
  'Phú Thịnh',
  'An Khang',
  'Sao Việt',
  'Bình Minh',
  'Hưng Thịnh',
  'Thành Công',
  'Đại Phát',
  'Nam Việt',
  'Trường Sơn',
];
const SHORT: Record<string, string> = {
  'Công ty TNHH một thành viên': 'Công ty TNHH',
  'Công ty TNHH hai thành viên trở lên': 'Công ty TNHH',
  'Công ty cổ phần': 'Công ty Cổ phần',
  'Doanh nghiệp tư nhân': 'Doanh nghiệp tư nhân',
};

export interface PopulationOptions {
  seed: number;
  /** Founding dates fall in [1995-01-01, horizon]. */
  horizon: string;
  /** Share of enterprises that are DTEs (background, before any story cohort). */
  dteShare?: number;
  /** Pre-2025 provinces whose DTEs come only from story cohorts. */
  noBackgroundDte?: ReadonlySet<string>;
}

const FIRST_DAY = toDays('1995-01-01');

export function enterprise(index: number, options: PopulationOptions): Enterprise {
  const rng = entityPrng(options.seed, index);
  const { items, total } = provinceTable();
  const province = weighted(rng, items, total);
  const span = toDays(options.horizon) - FIRST_DAY;
  // More enterprises are young than old: the registry grows every year.
  const founded = toIso(FIRST_DAY + Math.floor(span * Math.sqrt(rng.next())));
  const form = rng.pick(FORMS);
  const dteAllowed = !options.noBackgroundDte?.has(province.code);
  const dte = dteAllowed && rng.chance(options.dteShare ?? 0.04);
  const code2018 = dte ? weighted(rng, DTE_2018, DTE_2018_TOTAL) : weighted(rng, COMMON, COMMON_TOTAL);
  const foundedDays = toDays(founded);
  const later = (maxDays: number) => toIso(foundedDays + 30 + rng.int(Math.max(1, maxDays)));
  const convert =
    !dte && dteAllowed && rng.chance(0.012)
      ? { on: later(3000), code: weighted(rng, DTE_2018, DTE_2018_TOTAL) }
      : null;
  const events: Enterprise['events'] = [];
  const fate = rng.next();
  if (fate < 0.06) events.push({ on: later(2500), status: 'suspended' });
  else if (fate < 0.09) {
    const d = later(2500);
    events.push(
      { on: d, status: 'dissolving' },
      { on: toIso(toDays(d) + 120 + rng.int(200)), status: 'dissolved' },
    );
  } else if (fate < 0.12) events.push({ on: later(3000), status: 'dissolved' });
  const secondary = rng.chance(0.4)
    ? Array.from({ length: 1 + rng.int(3) }, () =>
        rng.chance(0.15) ? weighted(rng, DTE_2018, DTE_2018_TOTAL) : weighted(rng, COMMON, COMMON_TOTAL),
      )
    : [];
  // 7919 is prime to 10^8, so index → last 8 digits is one-to-one: ids never collide by accident.
  const serial = (index * 7_919 + options.seed * 104_729) % 100_000_000;
  return {
    index,
    id: `${province.code}${String(serial).padStart(8, '0')}`,
    name: `${SHORT[form]} ${rng.pick(WORDS)} ${rng.pick(WORDS)} ${province.name_en.split(' ')[0]} ${index}`,
    province,
    founded,
    code2018,
    dte,
    convert,
    events: events.sort((a, b) => a.on.localeCompare(b.on)),
    secondary: [...new Set(secondary)],
    legalForm: form,
    capital: (1 + rng.int(200)) * 100_000_000,
    branch: rng.chance(0.05),
    variant: rng.next(),
  };
}

/** What the registry says of an enterprise on a date. */
export function stateOn(e: Enterprise, asOf: string): { status: Status; code2018: string; updated: string } {
  let status: Status = 'active';
  let updated = e.founded;
  for (const ev of e.events) {
    if (ev.on > asOf) break;
    status = ev.status;
    updated = ev.on;
  }
  let code = e.code2018;
  if (e.convert && e.convert.on <= asOf) {
    code = e.convert.code;
    if (e.convert.on > updated) updated = e.convert.on;
  }
  return { status, code2018: code, updated };
}
