import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMN_TYPES, type FileDef, snapshotFileDefs } from '../../src/dictionary/index.js';
import type { Manifest } from '../../src/snapshot/manifest.js';
import { csvObjects, parseCsv } from '../support/csvTable.js';
import { publishSmall } from '../support/smallSnapshot.js';
import { VN_HEADERS } from '../support/vnExport.js';

const AS_OF = '2025-09-30';
let manifest: Manifest;
let files: Map<string, string>;

function defOf(defs: FileDef[], key: string): FileDef | undefined {
  return defs.find((d) => d.file === key);
}

beforeAll(async () => {
  const snapshot = await publishSmall({ asOf: AS_OF });
  manifest = snapshot.manifest;
  files = new Map();
  for (const o of manifest.outputs)
    if (o.key.endsWith('.csv') || o.key.endsWith('.md')) files.set(o.key, await snapshot.text(o.key));
});

describe('the data dictionary', () => {
  it('names every column of every CSV table written, in file order, with a known type', () => {
    const defs = snapshotFileDefs(
      ['hardware', 'software', 'it_services', 'telecom', 'trade', 'repair'],
      [{ feedId: 'national', columns: VN_HEADERS }],
    );
    const tables = [...files.keys()].filter((k) => k.endsWith('.csv'));
    expect(tables).toEqual(
      expect.arrayContaining([
        'provinces.csv',
        'legacy_provinces.csv',
        'communes.csv',
        'dte_enterprises.csv',
        'rejects/national.csv',
        'rejects_summary.csv',
        'data_dictionary.csv',
      ]),
    );
    for (const key of tables) {
      const def = defOf(defs, key);
      expect(def, key).toBeDefined();
      const [header] = parseCsv(files.get(key)!);
      expect(header, key).toEqual(def!.columns.map((c) => c.name));
      for (const c of def!.columns) expect(COLUMN_TYPES, `${key} ${c.name}`).toContain(c.type);
      for (const c of def!.columns) expect(c.vi.length * c.en.length, `${key} ${c.name}`).toBeGreaterThan(0);
    }
  });

  it('is in the snapshot as data_dictionary.csv: a row per file and per column, in both languages', () => {
    const { rows } = csvObjects(files.get('data_dictionary.csv')!);
    for (const key of manifest.outputs.map((o) => o.key)) {
      const pattern = key.replace(/part-\d+/, 'part-NN');
      expect(
        rows.some((r) => r.file === pattern && r.column === ''),
        key,
      ).toBe(true);
    }
    const share = rows.find((r) => r.file === 'provinces.csv' && r.column === 'dte_share_pct')!;
    expect(share).toMatchObject({ type: 'decimal', unit: '%' });
    expect(share.definition_vi).toMatch(/Tỷ lệ DNCNS/);
    expect(share.definition_en).toMatch(/rounded half-up/);
    expect(rows.find((r) => r.file === 'dte_enterprises.csv' && r.column === 'registration_date')?.type).toBe(
      'date',
    );
  });

  it('is in the snapshot as README.md, every file and column named', () => {
    const readme = files.get('README.md')!;
    expect(readme).toContain(`# Số liệu doanh nghiệp công nghệ số ngày ${AS_OF}`);
    for (const { rows } of [csvObjects(files.get('data_dictionary.csv')!)])
      for (const r of rows) expect(readme, `${r.file} ${r.column}`).toContain(`\`${r.column || r.file}\``);
  });
});
