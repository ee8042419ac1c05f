import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineContext } from '../../src/context/context.js';
import { provincesJsonSchema } from '../../src/indicators/schema.js';
import { runInline } from '../../src/runners/inline.js';
import { readJsonObject, readLatest } from '../../src/snapshot/catalog.js';
import { snapshotSql } from '../../src/sql/index.js';
import type { LocalStore } from '../../src/store/localStore.js';
import { tempDir } from '../support/pipelineContext.js';
import { seriesContext, writeSeries } from '../support/series.js';

const run = promisify(execFile);
const DATES = ['2025-09-30', '2025-12-31'];

/** Every file of a local store and its sha256. */
async function storeState(root: string): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    state[path.relative(root, file)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  }
  return state;
}

describe('dte sql over the published Parquet', () => {
  let ctx: PipelineContext;
  let storeUrl: string;
  let root: string;
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir();
    storeUrl = `file:${path.join(dir, 'store')}`;
    const series = await writeSeries(dir, { dates: DATES, rows: 1500, store: storeUrl });
    ctx = await seriesContext(series, storeUrl);
    for (const asOf of DATES) await runInline(ctx, { asOf });
    root = (ctx.store as LocalStore).root;
  }, 180_000);

  afterAll(async () => {
    await ctx?.store.close();
  });

  it('answers over every view, of the latest snapshot or of --as-of', async () => {
    const latest = (await readLatest(ctx.store))!;
    const json = provincesJsonSchema.parse(await readJsonObject(ctx.store, `${latest.prefix}provinces.json`));
    const thanhHoa = json.provinces.find((p) => p.code === '38')!;
    const one = await snapshotSql(
      ctx.store,
      "SELECT code, name, dte_active, dte_share_pct FROM provinces WHERE code = '38'",
    );
    expect(one.rows).toEqual([['38', thanhHoa.name, thanhHoa.dte_active, thanhHoa.dte_share_pct]]);
    for (const view of [
      'provinces',
      'legacy_provinces',
      'communes',
      'dte_enterprises',
      'rejects',
      'rejects_summary',
      'history',
      'history_legacy_provinces',
      'history_targets',
    ]) {
      const counted = await snapshotSql(ctx.store, `SELECT count(*) AS n FROM ${view}`);
      expect(counted.rows[0]![0], view).toBeGreaterThan(0);
    }
    const history = await snapshotSql(
      ctx.store,
      'SELECT DISTINCT CAST(as_of AS VARCHAR) FROM history ORDER BY 1',
    );
    expect(history.rows.flat()).toEqual(DATES);
    const older = await snapshotSql(
      ctx.store,
      'SELECT DISTINCT CAST(as_of AS VARCHAR) FROM history ORDER BY 1',
      DATES[0],
    );
    expect(older.rows.flat()).toEqual([DATES[0]]);
    const ids = await snapshotSql(
      ctx.store,
      'SELECT typeof(enterprise_id), typeof(registration_date) FROM dte_enterprises LIMIT 1',
    );
    expect(ids.rows).toEqual([['VARCHAR', 'DATE']]);
  });

  it('cannot change the store or reach outside it, whatever the SQL says', async () => {
    const before = await storeState(root);
    const latest = (await readLatest(ctx.store))!;
    const parquet = path.join(root, latest.prefix, 'provinces.parquet');
    const outside = path.join(dir, 'leak.csv');
    const attempts = [
      `COPY provinces TO '${outside}'`,
      `COPY (SELECT 1 AS x) TO '${parquet}' (FORMAT parquet)`,
      'CREATE TABLE t AS SELECT 1 AS x',
      'DROP TABLE provinces',
      "UPDATE provinces SET dte_active = 0 WHERE code = '38'",
      `ATTACH '${path.join(dir, 'other.duckdb')}' AS other`,
      'INSTALL httpfs',
      'LOAD httpfs',
      `SELECT * FROM read_parquet('${parquet}')`,
      "SELECT * FROM read_text('/etc/passwd')",
      'SET enable_external_access = true',
      'SET access_mode = READ_WRITE',
    ];
    for (const sql of attempts)
      await expect(snapshotSql(ctx.store, sql), sql).rejects.toThrow(/the query failed/);
    expect(existsSync(outside)).toBe(false);
    expect(existsSync(path.join(dir, 'other.duckdb'))).toBe(false);
    expect(await storeState(root)).toEqual(before);
  });

  it('prints a table, CSV or JSON, and fails with exit 1 on a refused statement', async () => {
    const cli = path.resolve('dist/src/cli/main.js');
    const env = { ...process.env, DTE_CONFIG: '', LOG_LEVEL: 'silent' };
    const sql = "SELECT code, dte_active FROM provinces WHERE code IN ('01', '38') ORDER BY code";
    const json = await run('node', [cli, 'sql', sql, '--store', storeUrl, '--format', 'json'], { env });
    const rows = JSON.parse(json.stdout) as Array<{ code: string; dte_active: number }>;
    expect(rows.map((r) => r.code)).toEqual(['01', '38']);
    expect(typeof rows[0]!.dte_active).toBe('number');
    const csv = await run('node', [cli, 'sql', sql, '--store', storeUrl, '--format', 'csv'], { env });
    expect(csv.stdout.split('\r\n').slice(0, 2)).toEqual(['code,dte_active', `01,${rows[0]!.dte_active}`]);
    const table = await run('node', [cli, 'sql', sql, '--store', storeUrl], { env });
    expect(table.stdout.split('\n')[0]).toMatch(/^code\s+dte_active$/);
    const refused = run('node', [cli, 'sql', 'CREATE TABLE t AS SELECT 1', '--store', storeUrl], { env });
    await expect(refused).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^dte: error: the query failed/),
    });
    const badFormat = run('node', [cli, 'sql', 'SELECT 1', '--store', storeUrl, '--format', 'xml'], { env });
    await expect(badFormat).rejects.toMatchObject({ code: 2 });
  });
});
