/**
 * The workbook beside the CSV: `node dist/scripts/benchXlsx.js [--rows N]` writes a generated
 * vn-dkkd-csv export and the same rows as an `.xlsx` (title rows, serial dates, numeric ids, shared
 * strings), runs each through the inline pipeline in a process of its own (`benchRun.js`) and prints
 * one JSON line: wall and peak RSS of both, and whether their indicators are the same bytes.
 * `npm run bench` may call `benchXlsx()`; the figures are reported, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { packageRoot } from '../src/package/packageRoot.js';
import { writeExport, writeWorkbookFromCsv } from '../tools/generator/index.js';

export interface XlsxBenchOptions {
  rows: number;
  seed: number;
  asOf: string;
  /** Where the exports are kept between benches, and the stores made (and removed). */
  dir: string;
}

export interface RunFigures {
  status: string;
  rows: number;
  wallMs: number;
  maxRssMb: number;
}

export interface XlsxBenchFigures {
  rows: number;
  csv: RunFigures & { bytes: number };
  xlsx: RunFigures & { bytes: number };
  /** `provinces.json`, `legacy_provinces.json` and `dte_enterprises.csv` byte for byte. */
  sameIndicators: boolean;
}

const root = packageRoot();

/** The two exports of the seed, written once and kept. */
async function ensureExports(options: XlsxBenchOptions): Promise<{ csv: string; xlsx: string }> {
  const base = path.join(options.dir, `national-${options.rows}-${options.seed}`);
  const csv = `${base}.csv`;
  const xlsx = `${base}.xlsx`;
  if (!(await stat(csv).catch(() => null)))
    await writeExport(csv, {
      rows: options.rows,
      seed: options.seed,
      asOf: options.asOf,
      format: 'vn-dkkd-csv',
    });
  if (!(await stat(xlsx).catch(() => null))) await writeWorkbookFromCsv(csv, xlsx);
  return { csv, xlsx };
}

function measure(file: string, storeDir: string, asOf: string): RunFigures {
  const child = spawnSync(
    process.execPath,
    [path.join(root, 'dist/scripts/benchRun.js'), file, storeDir, asOf],
    {
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) throw new Error(`bench run of ${file} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as RunFigures;
}

/** The published snapshot folder of a store holding one run. */
async function snapshotFolder(storeDir: string, asOf: string): Promise<string> {
  const dateDir = path.join(storeDir, 'snapshots', asOf);
  const runs = (await readdir(dateDir, { withFileTypes: true })).filter((d) => d.isDirectory());
  return path.join(dateDir, runs[0]!.name);
}

async function sameFiles(a: string, b: string, names: string[]): Promise<boolean> {
  for (const name of names) {
    const [x, y] = await Promise.all([readFile(path.join(a, name)), readFile(path.join(b, name))]);
    if (!x.equals(y)) return false;
  }
  return true;
}

export async function benchXlsx(options: XlsxBenchOptions): Promise<XlsxBenchFigures> {
  const files = await ensureExports(options);
  const stores = { csv: path.join(options.dir, 'store-csv'), xlsx: path.join(options.dir, 'store-xlsx') };
  await Promise.all(Object.values(stores).map((d) => rm(d, { recursive: true, force: true })));
  try {
    const csv = measure(files.csv, stores.csv, options.asOf);
    const xlsx = measure(files.xlsx, stores.xlsx, options.asOf);
    const folders = await Promise.all([
      snapshotFolder(stores.csv, options.asOf),
      snapshotFolder(stores.xlsx, options.asOf),
    ]);
    const sameIndicators = await sameFiles(folders[0], folders[1], [
      'provinces.json',
      'legacy_provinces.json',
      'dte_enterprises.csv',
    ]);
    return {
      rows: options.rows,
      csv: { ...csv, bytes: (await stat(files.csv)).size },
      xlsx: { ...xlsx, bytes: (await stat(files.xlsx)).size },
      sameIndicators,
    };
  } finally {
    await Promise.all(Object.values(stores).map((d) => rm(d, { recursive: true, force: true })));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '20261123' },
      'as-of': { type: 'string', default: '2026-06-30' },
      dir: { type: 'string', default: path.join(root, '.bench') },
    },
  });
  const figures = await benchXlsx({
    rows: Number(values.rows),
    seed: Number(values.seed),
    asOf: values['as-of'],
    dir: path.resolve(values.dir),
  });
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
