import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PipelineContext } from '../../src/context/context.js';
import { COLUMN_TYPES, type FileDef, snapshotFileDefs } from '../../src/dictionary/index.js';
import { runInline } from '../../src/runners/inline.js';
import { readLatest, readManifest } from '../../src/snapshot/catalog.js';
import { snapshotKeys } from '../../src/snapshot/layout.js';
import type { Manifest } from '../../src/snapshot/manifest.js';
import { readAll } from '../../src/store/bodies.js';
import { csvObjects, parseCsv } from '../support/csvTable.js';
import { tempDir, testContext } from '../support/pipelineContext.js';
import { vnExport } from '../support/vnExport.js';

const AS_OF = '2025-06-30';
let ctx: PipelineContext;
let manifest: Manifest;
let files: Map<string, string>;

async function text(name: string): Promise<string> {
  const body = await ctx.store.get(snapshotKeys.file(manifest.as_of, manifest.run_id, name));
  return (await readAll(body)).toString('utf8');
}

/** The dictionary entry of a written file: by name, or by the `rejects/<feed>.csv` pattern. */
function defOf(defs: FileDef[], key: string): FileDef | undefined {
  const pattern = key.startsWith('rejects/') ? 'rejects/<feed>.csv' : key;
  return defs.find((d) => d.file === pattern);
}

beforeAll(async () => {
  const dir = await tempDir();
  const file = path.join(dir, 'export.csv');
  await writeFile(
    file,
    vnExport([
      {
        id: '2800000001',
        name: 'Công ty Phần mềm Hàm Rồng',
        province: 'Thanh Hóa',
        founded: '15/03/2020',
        main: '6201',
      },
      {
        id: '3500000001',
        name: 'Công ty Vũng Tàu',
        province: 'Bà Rịa - Vũng Tàu',
        founded: '01/01/2021',
        main: '6202',
      },
      { id: '0100000002', name: 'Công ty Bánh Phở', province: 'Hà Nội', founded: '01/01/2010', main: '1074' },
      { id: 'bad-id', name: 'Sai mã', province: 'Hà Nội', founded: '01/01/2010', main: '6201' },
    ]),
  );
  ctx = await testContext([{ id: 'national', file, format: 'vn-dkkd-csv' }]);
  await runInline(ctx, { asOf: AS_OF });
  const latest = await readLatest(ctx.store);
  manifest = (await readManifest(ctx.store, latest!))!;
  files = new Map();
  for (const o of manifest.outputs)
    if (o.key.endsWith('.csv') || o.key.endsWith('.md')) files.set(o.key, await text(o.key));
});

describe('the data dictionary', () => {
  it('names every column of every CSV table written, in file order, with a known type', () => {
    const defs = snapshotFileDefs(['hardware', 'software', 'it_services', 'telecom', 'trade', 'repair']);
    const tables = [...files.keys()].filter((k) => k.endsWith('.csv'));
    expect(tables).toEqual(
      expect.arrayContaining([
        'provinces.csv',
        'legacy_provinces.csv',
        'communes.csv',
        'dte_enterprises.csv',
        'rejects/national.csv',
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
      const pattern = key.startsWith('rejects/') ? 'rejects/<feed>.csv' : key.replace(/part-\d+/, 'part-NN');
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
