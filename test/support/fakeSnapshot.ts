import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { snapshotKeys } from '../../src/snapshot/layout.js';
import type { ObjectStore } from '../../src/store/objectStore.js';

const sha = '0'.repeat(64);

function row(code: string, name: string, dte: number, density: number | null = null) {
  return {
    code,
    name,
    enterprises_active: 1000,
    dte_active: dte,
    dte_share_pct: dte / 10,
    dte_by_category: { software: dte },
    dte_founded_ytd: 0,
    dte_converted: 0,
    dte_ceased: 0,
    digital_secondary: 0,
    dependent_units: 0,
    dte_per_1000_people: density,
    population: density === null ? null : 1_000_000,
    population_year: density === null ? null : 2024,
    dte_converted_pct: null,
  };
}

/** A published snapshot with just what the alerts stage reads: Thanh Hóa (38) with `dte` active DTEs. */
export async function publishFake(
  store: ObjectStore,
  asOf: string,
  dte: number,
  options: { rejected?: number; density?: number | null } = {},
): Promise<void> {
  const runId = `run${asOf.replaceAll('-', '')}`;
  const prefix = snapshotKeys.prefix(asOf, runId);
  await store.put(
    `${prefix}provinces.json`,
    JSON.stringify({
      as_of: asOf,
      rule_set_id: 'r',
      categories: ['software'],
      provinces: [row('38', 'Thanh Hóa', dte, options.density)],
      national: row('VN', 'Việt Nam', dte, options.density),
    }),
  );
  await store.put(
    `${prefix}dte_enterprises.csv`,
    '\uFEFFenterprise_id,name,province_code,province_name,legacy_province_code,legacy_province_name,dte_category,dte_matched_code,registration_date,status,industry_system\r\n',
  );
  const input = {
    feed_id: 'national',
    format: 'vn-dkkd-csv',
    source: 'x',
    raw_key: 'raw/x',
    bytes: 1,
    sha256: sha,
    fetch_status: 'fetched',
    rows_read: 100,
    accepted: 100 - (options.rejected ?? 0),
    rejected: options.rejected ?? 0,
    duplicates: 0,
    industry_code_systems: {},
  };
  const manifest = {
    schema_version: 1,
    as_of: asOf,
    run_id: runId,
    rule_set_id: 'r',
    code_version: 'test',
    partitions: 1,
    previous: null,
    inputs: [input],
    outputs: [],
    created_at: '2026-01-01T00:00:00.000Z',
  };
  await store.put(snapshotKeys.manifest(asOf, runId), JSON.stringify(manifest));
  await store.put(snapshotKeys.current(asOf), JSON.stringify({ as_of: asOf, run_id: runId, prefix }));
}

/** A targets file with one Thanh Hóa target expecting a flat 100 active DTEs through 2025. */
export async function writeFlatTarget(dir: string): Promise<string> {
  const file = path.join(dir, 'targets.yaml');
  await writeFile(
    file,
    stringify({
      version: 1,
      targets: [
        {
          id: 'flat-100',
          title: 'Một trăm doanh nghiệp',
          source: { plan: 'Kế hoạch thử', number: '1', date: '2025-01-01' },
          territory: { province: '38' },
          metric: 'dte_active',
          baseline: { date: '2025-01-01', value: 100 },
          start: '2025-01-01',
          points: [{ date: '2025-12-31', value: 100 }],
        },
      ],
    }),
  );
  return file;
}
