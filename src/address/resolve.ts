import { memo } from '../input/memo.js';
import type { Commune, LegacyWard } from '../reference/communes.js';
import { looseKey as looseKeyOf, tonedKey as tonedKeyOf } from '../reference/names.js';
import type { ResolvedProvince } from '../reference/provinces.js';
import type { AddressParts } from './parse.js';
import { placeIndex } from './places.js';

/** What the province cell and the legacy column already say, before the address is read. */
export interface AddressScope {
  /** The province cell, resolved. */
  province: ResolvedProvince;
  /** The pre-2025 province already certain (the legacy column, or the province cell). */
  legacy: string | null;
  /** The export is as of a day before 2025-07-01: its places are the pre-merger ones. */
  preMerger: boolean;
}

/** What an address adds: its 2025 commune and its pre-2025 province, each only where certain. */
export interface AddressPlace {
  commune_code: string | null;
  legacy_code: string | null;
  /** The province the address names where it is not the province cell's (the cell wins). */
  conflict: string | null;
}

// District names are keyed for every ward a name matches: the same few thousand names, remembered.
const tonedKey = memo(tonedKeyOf, 50_000);
const looseKey = memo(looseKeyOf, 50_000);

const NOTHING: AddressPlace = { commune_code: null, legacy_code: null, conflict: null };

/**
 * Places an address's parts in the province of the row's province cell. A name that several places
 * bear is decided only by the district or by the old province; what their matches do not all share
 * stays unknown.
 */
export function placeAddress(
  parts: AddressParts,
  scope: AddressScope,
  resolve: (value: string) => ResolvedProvince | null,
): AddressPlace {
  const named = parts.province === null ? null : resolve(parts.province);
  if (named && conflicts(named, scope)) return { ...NOTHING, conflict: parts.province };
  const legacy = scope.legacy ?? named?.legacy_code ?? null;
  const found = find(parts, scope, legacy);
  return { commune_code: found.commune, legacy_code: legacy ?? found.legacy, conflict: null };
}

function conflicts(named: ResolvedProvince, scope: AddressScope): boolean {
  if (named.code !== scope.province.code) return true;
  return named.legacy_code !== null && scope.legacy !== null && named.legacy_code !== scope.legacy;
}

interface Found {
  commune: string | null;
  legacy: string | null;
}

/**
 * Old-style addresses (with a district) and pre-merger exports name old wards only: a 2025 commune
 * of the same name may be another place. Other addresses are read against the 2025 communes first.
 */
function find(parts: AddressParts, scope: AddressScope, legacy: string | null): Found {
  const province = scope.province.code;
  const oldStyle = parts.district !== null || scope.preMerger;
  const lists = oldStyle ? [wardMatches] : [communeMatches, wardMatches];
  for (const list of lists) {
    const found = list(parts, province, legacy);
    if (found) return found;
  }
  return { commune: null, legacy: null };
}

/** What all matches share; null where there is no match (so that the other list is tried). */
function shared(legacies: string[][], communes: string[][]): Found | null {
  if (legacies.length === 0) return null;
  return { legacy: single(legacies), commune: single(communes) };
}

function single(lists: string[][]): string | null {
  const first = lists[0]?.length === 1 ? lists[0][0]! : null;
  return first !== null && lists.every((l) => l.length === 1 && l[0] === first) ? first : null;
}

function communeMatches(parts: AddressParts, province: string, legacy: string | null): Found | null {
  const commune = parts.commune;
  if (commune === null) return null;
  const index = placeIndex().communes.get(province);
  const matches = (index?.find(commune.name) ?? []).filter(
    (c: Commune) =>
      (commune.type === null || c.type === commune.type) &&
      (legacy === null || c.legacy_province_codes.includes(legacy)),
  );
  return shared(
    matches.map((c) => [...c.legacy_province_codes]),
    matches.map((c) => [c.code]),
  );
}

function wardMatches(parts: AddressParts, province: string, legacy: string | null): Found | null {
  const { commune, district } = parts;
  const index = commune === null ? placeIndex().wardless.get(province) : placeIndex().wards.get(province);
  const name = commune?.name ?? district?.name;
  if (!index || name === undefined) return null;
  let matches = index
    .find(name)
    .filter(
      (w: LegacyWard) =>
        (commune?.type == null || w.ward_type === commune.type) &&
        (legacy === null || w.legacy_province_code === legacy),
    );
  if (district !== null && commune !== null) matches = inDistrict(matches, district.type, district.name);
  return shared(
    matches.map((w) => [w.legacy_province_code]),
    matches.map((w) => [...w.successor_codes]),
  );
}

/** The wards of the district named: with its marks first, then without; its unit word where it decides. */
function inDistrict(wards: LegacyWard[], type: string | null, name: string): LegacyWard[] {
  const toned = tonedKey(name);
  let named = wards.filter((w) => tonedKey(w.district_name) === toned);
  if (named.length === 0) {
    const loose = looseKey(name);
    named = wards.filter((w) => looseKey(w.district_name) === loose);
  }
  const typed = named.filter((w) => w.district_type === type);
  return typed.length > 0 ? typed : named;
}
