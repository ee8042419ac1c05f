import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../package/packageRoot.js';
import { COMMUNE_COLUMNS, WARD_COLUMNS } from './communeSource.js';
import { ReferenceDataError } from './errors.js';

/** A commune of 2025 (`Xã`, `Phường` or `Đặc khu`), the level below the province since 2025-07-01. */
export interface Commune {
  code: string;
  type: string;
  name: string;
  province_code: string;
  /** The pre-2025 provinces its land came from; one code where it lies wholly inside one. */
  legacy_province_codes: readonly string[];
}

/** A pre-2025 ward, commune or town (or a district without any, such as `Huyện Côn Đảo`: empty ward). */
export interface LegacyWard {
  legacy_province_code: string;
  district_type: string;
  district_name: string;
  ward_type: string;
  ward_name: string;
  /** The 2025 communes its land went to: one, or several where it was divided. */
  successor_codes: readonly string[];
}

function readRows(file: string, columns: readonly string[]): string[][] {
  const text = readFileSync(path.join(packageRoot(), 'src/reference/data', file), 'utf8');
  const lines = text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
  if (lines[0] !== columns.join('\t'))
    throw new ReferenceDataError('a reference data file has other columns', { file });
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    if (cells.length !== columns.length)
      throw new ReferenceDataError('a reference data row has the wrong width', { file, line });
    return cells;
  });
}

const codes = (cell: string) => cell.split(' ');

let communes: readonly Commune[] | undefined;
let wards: readonly LegacyWard[] | undefined;

/** The 3,321 communes of 2025 in code order, loaded once. */
export function communes2025(): readonly Commune[] {
  communes ??= readRows('communes-2025.tsv', COMMUNE_COLUMNS).map(([code, type, name, province, legacy]) => ({
    code: code!,
    type: type!,
    name: name!,
    province_code: province!,
    legacy_province_codes: codes(legacy!),
  }));
  return communes;
}

/** The pre-2025 wards with their 2025 successors, loaded once. */
export function legacyWards(): readonly LegacyWard[] {
  wards ??= readRows('wards-pre2025.tsv', WARD_COLUMNS).map(([p, dt, dn, wt, wn, successors]) => ({
    legacy_province_code: p!,
    district_type: dt!,
    district_name: dn!,
    ward_type: wt!,
    ward_name: wn!,
    successor_codes: codes(successors!),
  }));
  return wards;
}

let byCode: Map<string, Commune> | undefined;

export function communeByCode(code: string): Commune | undefined {
  byCode ??= new Map(communes2025().map((c) => [c.code, c]));
  return byCode.get(code);
}
