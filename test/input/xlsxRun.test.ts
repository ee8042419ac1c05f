import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import type { PipelineContext } from '../../src/context/context.js';
import { type InlineRunOutcome, runInline } from '../../src/runners/inline.js';
import { readAll } from '../../src/store/bodies.js';
import { TITLE_ROWS, writeExport, writeWorkbookFromCsv } from '../../tools/generator/index.js';
import { tempDir, testContext } from '../support/pipelineContext.js';

const AS_OF = '2026-06-30';
/** Committed: `npm run fixtures -- --rows 300 --seed 3 --as-of 2026-06-30 --format vn-dkkd-xlsx`. */
const FIXTURE = path.resolve('fixtures/xlsx/vn-dkkd-300.xlsx');
const DATA_FILES = ['provinces.json', 'legacy_provinces.json', 'communes.csv', 'dte_enterprises.csv'];

let csv: string;
let inline: string;

beforeAll(async () => {
  const dir = await tempDir();
  csv = path.join(dir, 'national.csv');
  inline = path.join(dir, 'national-inline.xlsx');
  await writeExport(csv, { rows: 300, seed: 3, asOf: AS_OF, format: 'vn-dkkd-csv' });
  await writeWorkbookFromCsv(csv, inline, { sharedStrings: false });
});

interface Run {
  outcome: Extract<InlineRunOutcome, { status: 'published' }>;
  files: Map<string, Buffer>;
  rejectLines: number[];
}

async function run(file: string, format: 'vn-dkkd-csv' | 'vn-dkkd-xlsx'): Promise<Run> {
  const ctx: PipelineContext = await testContext([{ id: 'national', file, format }]);
  const outcome = await runInline(ctx, { asOf: AS_OF });
  if (outcome.status !== 'published') throw new Error(`run ended ${outcome.status}`);
  const { prefix } = outcome.publish;
  const files = new Map<string, Buffer>();
  for (const name of [...DATA_FILES, 'rejects/national.csv'])
    files.set(name, await readAll(await ctx.store.get(`${prefix}${name}`)));
  const rejectLines = files
    .get('rejects/national.csv')!
    .toString('utf8')
    .split('\r\n')
    .slice(1)
    .filter((l) => l !== '')
    .map((l) => Number(l.split(',')[0]));
  return { outcome, files, rejectLines };
}

describe('an .xlsx export through the inline runner', () => {
  it('gives the indicators of the CSV of the same rows, rejects on the sheet’s row numbers', async () => {
    const fromCsv = await run(csv, 'vn-dkkd-csv');
    const fromXlsx = await run(FIXTURE, 'vn-dkkd-xlsx');
    const [a, b] = [fromCsv.outcome.plan.feeds[0]!, fromXlsx.outcome.plan.feeds[0]!];
    expect(b.rows_read).toBe(a.rows_read);
    expect(b.valid).toBe(a.valid);
    expect(b.rejected).toBe(a.rejected);
    expect(a.rejected).toBeGreaterThan(0);
    expect(b.raw_key).toMatch(/\.xlsx$/);
    for (const name of DATA_FILES)
      expect(fromXlsx.files.get(name)!.equals(fromCsv.files.get(name)!), name).toBe(true);
    expect(fromXlsx.rejectLines).toEqual(fromCsv.rejectLines.map((line) => line + TITLE_ROWS));
  });

  it('reads a workbook of inline strings by its bytes when the feed says vn-dkkd-csv', async () => {
    const fromCsv = await run(csv, 'vn-dkkd-csv');
    const detected = await run(inline, 'vn-dkkd-csv');
    for (const name of DATA_FILES)
      expect(detected.files.get(name)!.equals(fromCsv.files.get(name)!), name).toBe(true);
    expect((await readFile(inline)).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

describe('workbook feed options', () => {
  const feed = { id: 'x', format: 'vn-dkkd-xlsx', source: { type: 'file', path: 'a.xlsx' } };

  it('takes sheet and header_row, and names a bad one by its path', () => {
    const config = configSchema.parse({ feeds: [{ ...feed, sheet: 'Danh sách', header_row: 3 }] });
    expect(config.feeds[0]).toMatchObject({ sheet: 'Danh sách', header_row: 3 });
    const bad = configSchema.safeParse({ feeds: [{ ...feed, header_row: 0 }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['feeds', 0, 'header_row']);
    expect(configSchema.safeParse({ feeds: [{ ...feed, sheet: '' }] }).success).toBe(false);
  });

  it('leaves the settings of a feed without them as they were (run ids unchanged)', () => {
    const config = configSchema.parse({ feeds: [feed] });
    expect(Object.keys(config.feeds[0]!)).not.toContain('sheet');
    expect(Object.keys(config.feeds[0]!)).not.toContain('header_row');
  });
});
