import { currentProvinces, legacyProvinces } from '../reference/provinces.js';

export interface ProvinceNames {
  /** Names of a record's current and legacy province, for the DTE list. */
  of(record: { province_code: string; legacy_province_code: string | null }): {
    province: string;
    legacy: string | null;
  };
}

let cached: ProvinceNames | undefined;

export function provinceNames(): ProvinceNames {
  if (cached) return cached;
  const current = new Map(currentProvinces().map((p) => [p.code, p.name]));
  const legacy = new Map(legacyProvinces().map((p) => [p.code, p.name]));
  cached = {
    of: (r) => ({
      province: current.get(r.province_code) ?? r.province_code,
      legacy:
        r.legacy_province_code === null
          ? null
          : (legacy.get(r.legacy_province_code) ?? r.legacy_province_code),
    }),
  };
  return cached;
}
