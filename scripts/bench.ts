/**
 * `npm run bench`: speed and memory of the pipeline on generated national exports. Prints figures
 * and ratios; goals are reported, never asserted (they depend on the machine).
 *   1M gzipped vn-dkkd-csv rows inline, 5 runs (DTE_BENCH_RUNS) each after its own gunzip+split floor:
 *   rows/s, MB/s, wall, peak RSS, ratio to the floor; goals judged on the medians
 *   2M rows inline: peak RSS against 1M (memory must not grow with the row count)
 *   1M rows through BullMQ with two worker processes, beside the inline figure
 */
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { readEnv } from '../src/config/env.js';
import { packageRoot } from '../src/package/packageRoot.js';
import { threadCount } from '../src/stages/threads/spec.js';
import { writeExport } from '../tools/generator/index.js';

const root = packageRoot();
const work = path.join(root, '.bench');
const asOf = '2026-06-30';
const only = new Set((process.env.DTE_BENCH_ONLY ?? 'inline,memory,distributed').split(','));
/**
 * Floor-and-run pairs of the 1M measurement (`DTE_BENCH_RUNS`, default 5): a single run strays by a
 * tenth or more on this VM, and the median of three still swung across the 4× line from bench to bench.
 */
const RUNS = Math.max(1, Number(process.env.DTE_BENCH_RUNS ?? 5));

interface RunFigures {
  status: string;
  rows: number;
  wallMs: number;
  maxRssMb: number;
}

async function ensureExport(rows: number): Promise<string> {
  const file = path.join(work, `national-${rows}.csv.gz`);
  const exists = await stat(file).catch(() => null);
  if (!exists) {
    const t = performance.now();
    await writeExport(file, { rows, seed: 20261123, asOf, format: 'vn-dkkd-csv', gzip: true });
    log(
      `generated ${rows.toLocaleString('en-US')} rows in ${((performance.now() - t) / 1000).toFixed(1)} s → ${file}`,
    );
  }
  return file;
}

/** The floor: merely gunzip the file and split it into lines, nothing else. */
async function floorMs(file: string): Promise<{ ms: number; lines: number }> {
  const t = performance.now();
  let lines = 0;
  const reader = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const _ of reader) lines++;
  return { ms: performance.now() - t, lines };
}

async function inlineRun(file: string, label: string): Promise<RunFigures> {
  const storeDir = path.join(work, `store-${label}`);
  await rm(storeDir, { recursive: true, force: true });
  const child = spawnSync(
    process.execPath,
    [path.join(root, 'dist/scripts/benchRun.js'), file, storeDir, asOf],
    { encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(`bench run failed: ${child.stderr}`);
  await rm(storeDir, { recursive: true, force: true });
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as RunFigures;
}

/** What the runs may use: the threads setting and the machine's cores. */
function threadsText(): string {
  const setting = readEnv().DTE_THREADS;
  return `${threadCount(setting)} thread(s) per stage (DTE_THREADS=${setting ?? 'unset'}, ${availableParallelism()} cores)`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function goal(ok: boolean, text: string): string {
  return `${ok ? 'MET ' : 'MISS'}  ${text}`;
}

async function main(): Promise<void> {
  await mkdir(work, { recursive: true });
  const file1m = await ensureExport(1_000_000);
  const mb = (await stat(file1m)).size / 1024 / 1024;
  const results: string[] = [];
  let inline1m: RunFigures | null = null;
  if (only.has('inline') || only.has('memory') || only.has('distributed')) {
    // This VM's speed drifts by ±20 % from minute to minute: each run is measured right after its own
    // floor, and the goals are judged on the medians of RUNS pairs.
    const pairs: Array<{ floor: number; run: RunFigures }> = [];
    let lines = 0;
    for (let i = 0; i < RUNS; i++) {
      const floor = await floorMs(file1m);
      lines = floor.lines;
      pairs.push({ floor: floor.ms, run: await inlineRun(file1m, '1m') });
    }
    const wall = median(pairs.map((p) => p.run.wallMs));
    const floor = median(pairs.map((p) => p.floor));
    const ratio = median(pairs.map((p) => p.run.wallMs / p.floor));
    const rss = Math.max(...pairs.map((p) => p.run.maxRssMb));
    inline1m = { ...pairs[0]!.run, wallMs: wall, maxRssMb: rss };
    const s = wall / 1000;
    log(`\ninline, 1M rows (${mb.toFixed(1)} MB gzipped), ${threadsText()}, ${RUNS} run(s)`);
    for (const [i, p] of pairs.entries()) {
      log(
        `  run ${i + 1}: wall ${(p.run.wallMs / 1000).toFixed(2)} s · floor ${(p.floor / 1000).toFixed(2)} s · ratio ${(p.run.wallMs / p.floor).toFixed(2)}× · peak RSS ${p.run.maxRssMb.toFixed(0)} MB`,
      );
    }
    log(
      `  median: wall ${s.toFixed(2)} s · ${Math.round(inline1m.rows / s).toLocaleString('en-US')} rows/s · ${(mb / s).toFixed(1)} MB/s (gzipped) · peak RSS ${rss.toFixed(0)} MB (highest)`,
    );
    log(
      `  floor (gunzip + split into ${lines.toLocaleString('en-US')} lines): median ${(floor / 1000).toFixed(2)} s · ratio ${ratio.toFixed(2)}× (median of the runs' own ratios)`,
    );
    results.push(goal(s <= 10, `1M rows end to end in ≤ 10 s: ${s.toFixed(2)} s (median)`));
    results.push(goal(ratio <= 4, `within 4× the gunzip+split floor: ${ratio.toFixed(2)}× (median)`));
    results.push(goal(rss < 400, `peak RSS < 400 MB: ${rss.toFixed(0)} MB (highest)`));
  }
  if (only.has('memory') && inline1m) {
    const file2m = await ensureExport(2_000_000);
    const inline2m = await inlineRun(file2m, '2m');
    log(
      `\ninline, 2M rows: wall ${(inline2m.wallMs / 1000).toFixed(2)} s · peak RSS ${inline2m.maxRssMb.toFixed(0)} MB (1M: ${inline1m.maxRssMb.toFixed(0)} MB, ratio ${(inline2m.maxRssMb / inline1m.maxRssMb).toFixed(2)}×)`,
    );
    results.push(
      goal(
        inline2m.maxRssMb < 400 && inline2m.maxRssMb / inline1m.maxRssMb < 1.25,
        `peak RSS does not grow with rows (2M/1M): ${(inline2m.maxRssMb / inline1m.maxRssMb).toFixed(2)}×`,
      ),
    );
  }
  if (only.has('distributed') && inline1m) {
    const { benchDistributed } = await import('./benchDistributed.js');
    const dist = await benchDistributed(file1m, asOf, path.join(work, 'store-dist'));
    const ratio = dist.wallMs / inline1m.wallMs;
    log(
      `\nBullMQ, 1M rows, two worker processes: wall ${(dist.wallMs / 1000).toFixed(2)} s (inline ${(inline1m.wallMs / 1000).toFixed(2)} s) · ratio ${ratio.toFixed(2)}×`,
    );
    results.push(goal(ratio <= 1.5, `distributed no slower than 1.5× inline: ${ratio.toFixed(2)}×`));
  }
  log(`\ngoals\n${results.map((r) => `  ${r}`).join('\n')}`);
}

await main();
