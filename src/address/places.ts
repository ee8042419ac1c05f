import { type Commune, communes2025, type LegacyWard, legacyWards } from '../reference/communes.js';
import { looseKey, tonedKey } from '../reference/names.js';
import { successorOf } from '../reference/provinces.js';

/** Places of one current province found by name: with all their marks first, without any after. */
export class NameIndex<T> {
  private readonly toned = new Map<string, T[]>();
  private readonly loose = new Map<string, T[]>();

  add(name: string, place: T): void {
    push(this.toned, tonedKey(name), place);
    push(this.loose, looseKey(name), place);
  }

  /** Places whose name is this one; by the loose key only where no name matches with its marks. */
  find(name: string): readonly T[] {
    return this.toned.get(tonedKey(name)) ?? this.loose.get(looseKey(name)) ?? [];
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface Places {
  communes: Map<string, NameIndex<Commune>>;
  wards: Map<string, NameIndex<LegacyWard>>;
  /** Districts that had no ward of their own (`Huyện Côn Đảo`), by current province. */
  wardless: Map<string, NameIndex<LegacyWard>>;
}

let places: Places | undefined;

function indexOf<T>(map: Map<string, NameIndex<T>>, province: string): NameIndex<T> {
  let index = map.get(province);
  if (!index) {
    index = new NameIndex<T>();
    map.set(province, index);
  }
  return index;
}

/** The name indexes of both lists by current province, built once. */
export function placeIndex(): Places {
  if (places) return places;
  const built: Places = { communes: new Map(), wards: new Map(), wardless: new Map() };
  for (const c of communes2025()) indexOf(built.communes, c.province_code).add(c.name, c);
  for (const w of legacyWards()) {
    const province = successorOf(w.legacy_province_code) ?? '';
    if (w.ward_name === '') indexOf(built.wardless, province).add(w.district_name, w);
    else indexOf(built.wards, province).add(w.ward_name, w);
  }
  places = built;
  return built;
}
