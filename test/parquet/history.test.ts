import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineContext } from '../../src/context/context.js';
import {
  type HistoryRow,
  type HistoryTableName,
  historyColumnsOf,
  readHistory,
} from '../../src/history/index.js';
import { openDuckDb, readCsvHeader, sqlString, sqlTypeOf } from '../../src/parquet/index.js';
import { runInline } from '../../src/runners/inline.js';
import { buildServer } from '../../src/server/app.js';
import { historyKeys } from '../../src/snapshot/layout.js';
import { afterPublish } from '../../src/stages/afterPublish.js';
import { writeHistory } from '../../src/stages/history.js';
import type { LocalStore } from '../../src/store/localStore.js';
import { tempDir } from '../support/pipelineContext.js';
import { seriesContext, writeSeries } from '../support/series.js';

const run = promisify(execFile);
const DATES = ['2025-06-30', '2025-09-30', '2025-12-31'];

function keysOf(rows: readonly HistoryRow[], unit: string): string[] {
  return rows.map((r) => `${String(r.as_of)}|${String(r[unit])}`);
}

async function historyShas(ctx: PipelineContext): Promise<Record<string, string>> {
  return Object.fromEntries((await writeHistory(ctx)).map((f) => [f.key, f.sha256]));
}

describe('the history over every published snapshot', () => {
  let ctx: PipelineContext;
  let storeUrl: string;

  beforeAll(async () => {
    const dir = await tempDir();
    storeUrl = `file:${path.join(dir, 'store')}`;
    const series = await writeSeries(dir, { dates: DATES, rows: 2000, store: storeUrl });
    ctx = await seriesContext(series, storeUrl);
    // Published out of date order: the history does not depend on the order of publishing.
    for (const asOf of [DATES[1]!, DATES[0]!, DATES[2]!]) await runInline(ctx, { asOf });
  }, 180_000);

  afterAll(async () => {
    await ctx?.store.close();
  });

  it('has one row per as-of date and province, old province and target', async () => {
    const provinces = await readHistory(ctx.store, 'provinces');
    expect(provinces).toHaveLength(35 * DATES.length);
    expect(new Set(keysOf(provinces, 'code')).size).toBe(provinces.length);
    expect([...new Set(provinces.map((r) => r.as_of))]).toEqual(DATES);
    const hanoi = provinces.filter((r) => r.code === '01');
    expect(hanoi.map((r) => typeof r.dte_active)).toEqual(['number', 'number', 'number']);
    const legacy = await readHistory(ctx.store, 'legacy_provinces');
    expect(legacy).toHaveLength(63 * DATES.length);
    expect(new Set(keysOf(legacy, 'code')).size).toBe(legacy.length);
    const targets = await readHistory(ctx.store, 'targets');
    expect(targets.length).toBeGreaterThan(0);
    expect(new Set(keysOf(targets, 'target_id')).size).toBe(targets.length);
    for (const r of targets) expect(DATES).toContain(r.as_of);
  });

  it('is rewritten byte for byte, whichever date is after-published again', async () => {
    const before = await historyShas(ctx);
    expect(Object.keys(before)).toHaveLength(6);
    for await (const o of ctx.store.list(historyKeys.root)) await ctx.store.delete(o.key);
    await afterPublish(ctx, DATES[0]!, { dispatch: async () => ({ dispatched: 0, failed: [] }) });
    const again: Record<string, string> = {};
    for (const key of Object.keys(before)) {
      const file = path.join((ctx.store as LocalStore).root, key);
      again[key] = createHash('sha256')
        .update(await readFile(file))
        .digest('hex');
    }
    expect(again).toEqual(before);
  });

  it('has Parquet twins that DuckDB reads with the types of the table of columns', async () => {
    const root = (ctx.store as LocalStore).root;
    const pairs: Array<[string, string, HistoryTableName]> = [
      [historyKeys.provincesCsv, historyKeys.provincesParquet, 'provinces'],
      [historyKeys.legacyCsv, historyKeys.legacyParquet, 'legacy_provinces'],
      [historyKeys.targetsCsv, historyKeys.targetsParquet, 'targets'],
    ];
    const db = await openDuckDb(':memory:');
    const connection = await db.connect();
    try {
      for (const [csv, parquet, table] of pairs) {
        const header = await readCsvHeader(path.join(root, csv));
        const described = await connection.runAndReadAll(
          `DESCRIBE SELECT * FROM read_parquet(${sqlString(path.join(root, parquet))})`,
        );
        expect(
          described.getRowObjectsJS().map((r) => `${String(r.column_name)}:${String(r.column_type)}`),
        ).toEqual(historyColumnsOf(table, header).map((c) => `${c.name}:${sqlTypeOf(c.type)}`));
        expect(historyColumnsOf(table, header).map((c) => c.name)).toEqual(header);
      }
      const perDate = await connection.runAndReadAll(
        `SELECT as_of, count(*) AS n FROM read_parquet(${sqlString(path.join(root, historyKeys.provincesParquet))}) GROUP BY as_of ORDER BY as_of`,
      );
      expect(perDate.getRowObjectsJson()).toEqual(DATES.map((d) => ({ as_of: d, n: '35' })));
    } finally {
      connection.closeSync();
      db.closeSync();
    }
  });

  it('is listed by dte snapshots history, one province at a time', async () => {
    const cli = path.resolve('dist/src/cli/main.js');
    const env = { ...process.env, DTE_CONFIG: '', LOG_LEVEL: 'silent' };
    const json = await run(
      'node',
      [cli, 'snapshots', 'history', '--store', storeUrl, '--province', '38', '--json'],
      { env },
    );
    const rows = JSON.parse(json.stdout) as HistoryRow[];
    expect(rows.map((r) => [r.as_of, r.code])).toEqual(DATES.map((d) => [d, '38']));
    const text = await run('node', [cli, 'snapshots', 'history', '--store', storeUrl, '--province', '38'], {
      env,
    });
    expect(text.stdout.trim().split('\n')).toHaveLength(2 + DATES.length);
    expect(text.stdout).toContain('Thanh Hóa');
    const legacy = await run(
      'node',
      [cli, 'snapshots', 'history', '--store', storeUrl, '--legacy', '--province', '77', '--json'],
      { env },
    );
    expect((JSON.parse(legacy.stdout) as HistoryRow[]).map((r) => r.successor_code)).toEqual([
      '79',
      '79',
      '79',
    ]);
    await expect(
      run('node', [cli, 'snapshots', 'history', '--store', storeUrl, '--province', 'x'], { env }),
    ).rejects.toMatchObject({ code: 2 });
  });

  it('is served at GET /api/history', async () => {
    const app = await buildServer({
      store: ctx.store,
      runtime: null,
      adminToken: undefined,
      logger: pino({ level: 'silent' }),
      evaluations: async () => [],
    });
    try {
      const one = await app.inject({ url: '/api/history?province=38' });
      expect(one.statusCode).toBe(200);
      const body = one.json() as { rows: HistoryRow[] };
      expect(body.rows.map((r) => r.as_of)).toEqual(DATES);
      const all = (await app.inject({ url: '/api/history' })).json() as { rows: HistoryRow[] };
      expect(all.rows).toHaveLength(35 * DATES.length);
      const targets = (await app.inject({ url: '/api/history?units=targets' })).json() as {
        rows: HistoryRow[];
      };
      expect(targets.rows.length).toBeGreaterThan(0);
      expect((await app.inject({ url: '/api/history?province=1' })).statusCode).toBe(400);
      expect((await app.inject({ url: '/api/history?color=red' })).statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });
});
