import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineContext } from '../../src/context/context.js';
import {
  columnType,
  openDuckDb,
  readCsvHeader,
  sqlString,
  tableOfFile,
  typedCsvQuery,
} from '../../src/parquet/index.js';
import { runInline } from '../../src/runners/inline.js';
import { listPublished, readManifest } from '../../src/snapshot/catalog.js';
import { snapshotFiles } from '../../src/snapshot/layout.js';
import type { Manifest } from '../../src/snapshot/manifest.js';
import type { LocalStore } from '../../src/store/localStore.js';
import { tempDir } from '../support/pipelineContext.js';
import { publishedFiles, seriesContext, writeSeries } from '../support/series.js';

const DATES = ['2025-06-30', '2025-09-30', '2025-12-31'];

async function publishSeries(dir: string, store: string): Promise<PipelineContext> {
  const series = await writeSeries(dir, { dates: DATES, rows: 3000, store });
  const ctx = await seriesContext(series, store);
  for (const asOf of DATES) await runInline(ctx, { asOf });
  return ctx;
}

function fileOf(ctx: PipelineContext, manifest: Manifest, name: string): string {
  return path.join((ctx.store as LocalStore).root, 'snapshots', manifest.as_of, manifest.run_id, name);
}

describe('Parquet twins of the published tables', () => {
  let a: PipelineContext;
  let b: PipelineContext;
  let manifest: Manifest;

  beforeAll(async () => {
    const dir = await tempDir();
    a = await publishSeries(dir, `file:${path.join(dir, 'store-a')}`);
    b = await publishSeries(dir, `file:${path.join(dir, 'store-b')}`);
    const latest = (await listPublished(a.store)).at(-1)!;
    manifest = (await readManifest(a.store, latest))!;
  }, 240_000);

  afterAll(async () => {
    await a?.store.close();
    await b?.store.close();
  });

  it('lists a Parquet file beside every CSV table, with the same rows', () => {
    const keys = manifest.outputs.map((o) => o.key);
    const tables = keys.filter((k) => tableOfFile(k) !== null);
    expect(tables).toEqual(
      expect.arrayContaining([
        'provinces.csv',
        'legacy_provinces.csv',
        'communes.csv',
        'dte_enterprises.csv',
      ]),
    );
    expect(tables.some((k) => k.startsWith('rejects/'))).toBe(true);
    for (const csv of tables) {
      const twin = manifest.outputs.find((o) => o.key === snapshotFiles.parquetTwin(csv));
      const rows = manifest.outputs.find((o) => o.key === csv)!.rows;
      expect(twin, csv).toBeDefined();
      expect(twin!.rows, csv).toBe(rows);
    }
  });

  it('writes byte-identical Parquet files for the same inputs', async () => {
    const [left, right] = [await publishedFiles(a), await publishedFiles(b)];
    for (const asOf of DATES) {
      const parquet = Object.keys(left[asOf]!).filter((k) => k.endsWith('.parquet'));
      expect(parquet.length).toBeGreaterThanOrEqual(5);
      for (const key of parquet) expect(right[asOf]![key], `${asOf} ${key}`).toBe(left[asOf]![key]);
    }
  });

  it('is read by DuckDB, CSV and Parquet alike, with the types of the table of columns', async () => {
    const db = await openDuckDb(':memory:');
    const connection = await db.connect();
    try {
      for (const output of manifest.outputs) {
        const table = tableOfFile(output.key);
        if (!table) continue;
        const csv = fileOf(a, manifest, output.key);
        const parquet = fileOf(a, manifest, snapshotFiles.parquetTwin(output.key));
        const header = await readCsvHeader(csv);
        const want = header.map((name) => `${name}:${columnType(table, name)}`);
        const described = await connection.runAndReadAll(
          `DESCRIBE SELECT * FROM read_parquet(${sqlString(parquet)})`,
        );
        const got = described
          .getRowObjectsJS()
          .map((r) => `${String(r.column_name)}:${String(r.column_type)}`);
        expect(got, output.key).toEqual(want);
        const fromCsv = await connection.runAndReadAll(typedCsvQuery(csv, table, header));
        const csvTypes = fromCsv.columnTypes().map(String);
        expect(
          header.map((n, i) => `${n}:${csvTypes[i]}`),
          output.key,
        ).toEqual(want);
        const fromParquet = await connection.runAndReadAll(
          `SELECT * FROM read_parquet(${sqlString(parquet)})`,
        );
        expect(fromParquet.getRowsJson(), output.key).toEqual(fromCsv.getRowsJson());
      }
      const codes = await connection.runAndReadAll(
        `SELECT code, typeof(code) AS t FROM read_parquet(${sqlString(fileOf(a, manifest, 'provinces.parquet'))}) ORDER BY code LIMIT 1`,
      );
      expect(codes.getRowObjectsJson()).toEqual([{ code: '01', t: 'VARCHAR' }]);
      const ids = await connection.runAndReadAll(
        `SELECT count(*) AS n FROM read_parquet(${sqlString(fileOf(a, manifest, 'dte_enterprises.parquet'))}) WHERE enterprise_id LIKE '0%'`,
      );
      expect(Number(ids.getRowObjectsJS()[0]!.n)).toBeGreaterThan(0);
    } finally {
      connection.closeSync();
      db.closeSync();
    }
  });

  it('takes a formula guard off text cells and keeps other text as written', async () => {
    const dir = await tempDir();
    const csv = path.join(dir, 't.csv');
    await writeFile(
      csv,
      '\uFEFFcode,name,dte_active,dte_share_pct\r\n01,\'=1+1,3,1.50\r\n02,"Hà, Nội",,\r\n',
    );
    const db = await openDuckDb(':memory:');
    const connection = await db.connect();
    const rows = await connection.runAndReadAll(typedCsvQuery(csv, 'provinces', await readCsvHeader(csv)));
    expect(rows.getRowObjectsJson()).toEqual([
      { code: '01', name: '=1+1', dte_active: 3, dte_share_pct: '1.50' },
      { code: '02', name: 'Hà, Nội', dte_active: null, dte_share_pct: null },
    ]);
    connection.closeSync();
    db.closeSync();
  });

  it('refuses a column it has no type for', () => {
    expect(() => columnType('provinces', 'mystery')).toThrow(/no type/);
    expect(columnType('rejects', 'Mã số doanh nghiệp')).toBe('VARCHAR');
  });
});
