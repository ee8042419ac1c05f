import { memo } from '../input/memo.js';
import { resolveProvince } from '../reference/provinces.js';
import { fold } from './fold.js';

export type CommuneType = 'Phường' | 'Xã' | 'Thị trấn' | 'Đặc khu';
export type DistrictType = 'Quận' | 'Huyện' | 'Thị xã' | 'Thành phố';

export interface AddressPart<T> {
  /** The unit word written (`P.` is `Phường`), null where the name stands alone. */
  type: T | null;
  name: string;
}

/** The administrative parts of a head-office address, as written (NFC, trimmed). */
export interface AddressParts {
  commune: AddressPart<CommuneType> | null;
  district: AddressPart<DistrictType> | null;
  province: string | null;
}

type Level = 'commune' | 'district' | 'province';

/** Unit words and their abbreviations, read on the folded text; longer spellings come first. */
const UNITS: ReadonlyArray<readonly [RegExp, Level, string]> = [
  [/^(dac khu\s+|dk\.\s*)/, 'commune', 'Đặc khu'],
  [/^(thi tran\s+|tt\.\s*|tt\s+)/, 'commune', 'Thị trấn'],
  [/^(thi xa\s+|tx\.\s*|tx\s+)/, 'district', 'Thị xã'],
  [/^(thanh pho\s+|tp\.\s*|tp\s+)/, 'district', 'Thành phố'],
  [/^(tinh\s+|t\.\s*)/, 'province', 'Tỉnh'],
  [/^(phuong\s*(?=\d)|phuong\s+|p\.\s*|p(?=\s*\d))/, 'commune', 'Phường'],
  [/^(xa\s+|x\.\s*)/, 'commune', 'Xã'],
  [/^(quan\s*(?=\d)|quan\s+|q\.\s*|q(?=\s*\d))/, 'district', 'Quận'],
  [/^(huyen\s+|h\.\s*)/, 'district', 'Huyện'],
];

interface Unit {
  level: Level;
  type: string;
  name: string;
}

/**
 * A segment's unit word and the name after it; null where it starts with none (or nothing follows).
 * Remembered: the same communes, districts and provinces are written in every export.
 */
const unitOf = memo(readUnit, 50_000);

function readUnit(segment: string): Unit | null {
  const folded = fold(segment);
  for (const [pattern, level, type] of UNITS) {
    const match = pattern.exec(folded);
    if (!match) continue;
    const name = segment.slice(match[0].length).trim();
    return name === '' ? null : { level, type, name };
  }
  return null;
}

/** Where an address written without commas starts its next part: a unit word in full, after a space. */
const INNER_UNIT = / (?=(?:phường|xã|thị trấn|đặc khu|quận|huyện|thị xã|thành phố|tỉnh) )/giu;
const COUNTRY = /^(viet ?nam|vn)$/;

/** The address cut into its comma-separated parts, empty ones dropped, the country left out. */
export function segmentsOf(address: string): string[] {
  const parts: string[] = [];
  for (const piece of address.normalize('NFC').split(',')) {
    for (const part of piece.split(INNER_UNIT)) {
      const trimmed = part.trim().replace(/\s+/g, ' ');
      if (trimmed !== '') parts.push(trimmed);
    }
  }
  if (parts.length > 0 && COUNTRY.test(fold(parts[parts.length - 1]!))) parts.pop();
  return parts;
}

/** A part that names no unit and is the name of a street, village or house, not of a commune. */
const STREET =
  /^(\d|so |duong |pho |ngo |ngach |hem |kiet |thon |ap |xom |khu |to |lo |km|quoc lo|tinh lo|toa |tang )/;

/**
 * Reads the commune, district and province out of an address, right to left, as Vietnamese
 * addresses are written. `lead` says whether parts stand before `segments` (a street at least):
 * only then may a part without a unit word be taken for a commune's name.
 */
export function readSegments(segments: readonly string[], lead: boolean): AddressParts {
  const parts: AddressParts = { commune: null, district: null, province: null };
  let i = segments.length - 1;
  const last = segments[i];
  if (last !== undefined) {
    const unit = unitOf(last);
    const province = provinceOf(last, unit);
    if (province !== null) {
      parts.province = province;
      i--;
    }
  }
  const districtUnit = i >= 0 ? unitOf(segments[i]!) : null;
  if (districtUnit?.level === 'district') {
    parts.district = { type: districtUnit.type as DistrictType, name: districtUnit.name };
    i--;
  }
  const segment = segments[i];
  if (segment === undefined) return parts;
  const unit = unitOf(segment);
  if (unit?.level === 'commune') parts.commune = { type: unit.type as CommuneType, name: unit.name };
  else if (unit === null && (lead || i > 0) && !STREET.test(fold(segment)) && !/\d/.test(segment))
    parts.commune = { type: null, name: segment };
  return parts;
}

/** The province a last part names: `Tỉnh X`, a province-level `Thành phố X`, or a bare province name. */
function provinceOf(segment: string, unit: Unit | null): string | null {
  if (unit?.level === 'province') return unit.name;
  if (unit?.type === 'Thành phố') return resolveProvince(unit.name) === null ? null : unit.name;
  if (unit === null) return resolveProvince(segment) === null ? null : segment;
  return null;
}

export function parseAddress(address: string): AddressParts {
  return readSegments(segmentsOf(address), false);
}
