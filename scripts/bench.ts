/**
 * `npm run bench [-- --quick]`: the pipeline beside the C floor and an analyst's DuckDB, on seeded
 * generated national exports, each command a process of its own timed by `/usr/bin/time` (wall,
 * CPU-seconds of all its threads and children, peak RSS). The commands alternate within each round
 * and the figures are medians, because other processes share this machine's cores. Goals are printed
 * MET/MISS and never asserted (they depend on the machine). Sections (`DTE_BENCH_ONLY`):
 *   core         zcat | wc -l, scripts/duckdbPeer.ts, `dte run` with and without addresses
 *   memory       `dte run` at DTE_BENCH_BIG_ROWS against the core run's peak RSS
 *   distributed  the same export through BullMQ with two `dte worker` processes, beside inline
 *   serving      GET / at ten connections on the demo store (autocannon)
 *   xlsx         the same generated rows as `.xlsx` and as CSV through `dte run` (scripts/benchXlsx.ts)
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readEnv } from '../src/config/env.js';
import { packageRoot } from '../src/package/packageRoot.js';
import { threadCount } from '../src/stages/threads/spec.js';
import { writeExport } from '../tools/generator/index.js';

const root = packageRoot();
const work = path.join(root, '.bench');
const cli = path.join(root, 'dist/src/cli/main.js');
const asOf = '2026-06-30';
const { values: flags } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const quick = flags.quick ?? false;
const ROWS = Number(process.env.DTE_BENCH_ROWS ?? (quick ? 200_000 : 1_000_000));
const BIG_ROWS = Number(process.env.DTE_BENCH_BIG_ROWS ?? ROWS * 4);
const ROUNDS = Math.max(1, Number(process.env.DTE_BENCH_ROUNDS ?? (quick ? 1 : 5)));
const DIST_ROUNDS = Math.max(1, Number(process.env.DTE_BENCH_DIST_ROUNDS ?? (quick ? 1 : 2)));
const SERVE_SECONDS = Number(process.env.DTE_BENCH_SERVE_SECONDS ?? (quick ? 3 : 10));
const only = new Set((process.env.DTE_BENCH_ONLY ?? 'core,memory,distributed,serving,xlsx').split(','));

interface Usage {
  wall: number;
  cpu: number;
  rssMb: number;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function load(): string {
  return `load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function goal(ok: boolean, text: string): string {
  return `${ok ? 'MET ' : 'MISS'}  ${text}`;
}

function rowsText(rows: number): string {
  return rows >= 1_000_000 && rows % 1_000_000 === 0 ? `${rows / 1_000_000}M` : rows.toLocaleString('en-US');
}

async function ensureExport(rows: number, addresses: boolean): Promise<string> {
  const file = path.join(work, `national-${rows}${addresses ? '' : '-noaddr'}.csv.gz`);
  if (await stat(file).catch(() => null)) return file;
  const t = performance.now();
  await writeExport(`${file}.tmp`, {
    rows,
    seed: 20261123,
    asOf,
    format: 'vn-dkkd-csv',
    gzip: true,
    addresses,
  });
  await import('node:fs/promises').then((fs) => fs.rename(`${file}.tmp`, file));
  log(`generated ${rowsText(rows)} rows in ${((performance.now() - t) / 1000).toFixed(1)} s → ${file}`);
  return file;
}

/** Runs a command under `/usr/bin/time` and returns what the kernel counted for it and its children. */
async function timed(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Usage> {
  const out = path.join(work, 'time.txt');
  const child = spawn('/usr/bin/time', ['-f', '%e %U %S %M', '-o', out, command, ...args], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.slice(-2000)}`);
  const [wall, user, system, rssKb] = (await readFile(out, 'utf8'))
    .trim()
    .split('\n')
    .at(-1)!
    .split(' ')
    .map(Number);
  return { wall: wall!, cpu: user! + system!, rssMb: rssKb! / 1024 };
}

const floor = (file: string) => timed('/bin/sh', ['-c', `zcat '${file}' | wc -l`]);
const duckdb = (file: string) =>
  timed(process.execPath, [
    path.join(root, 'dist/scripts/duckdbPeer.js'),
    file,
    path.join(work, 'duckdb.csv'),
  ]);

async function pipeline(file: string): Promise<Usage> {
  const store = path.join(work, 'store-run');
  await rm(store, { recursive: true, force: true });
  const env = { ...process.env, DTE_CONFIG: '', DTE_STORE: '', LOG_LEVEL: 'warn' };
  const partitions = process.env.DTE_BENCH_PARTITIONS ?? '16';
  const args = ['run', '--input', file, '--format', 'vn-dkkd-csv', '--feed-id', 'national'];
  args.push('--store', `file:${store}`, '--as-of', asOf, '--partitions', partitions, '--json');
  const usage = await timed(process.execPath, [cli, ...args], env);
  await rm(store, { recursive: true, force: true });
  return usage;
}

function usageText(u: Usage): string {
  return `${u.wall.toFixed(2)} s wall · ${u.cpu.toFixed(2)} CPU-s · ${u.rssMb.toFixed(0)} MB`;
}

const results: string[] = [];

/** The four commands in every round, their order turned by one each round. */
async function core(): Promise<Usage | null> {
  const withAddresses = await ensureExport(ROWS, true);
  const without = await ensureExport(ROWS, false);
  const commands: Array<[string, () => Promise<Usage>]> = [
    ['zcat | wc -l', () => floor(withAddresses)],
    ['duckdb peer', () => duckdb(withAddresses)],
    ['dte run', () => pipeline(withAddresses)],
    ['dte run, no addresses', () => pipeline(without)],
  ];
  const figures = new Map<string, Usage[]>(commands.map(([name]) => [name, []]));
  const mb = (await stat(withAddresses)).size / 1024 / 1024;
  log(`\ncore, ${rowsText(ROWS)} rows (${mb.toFixed(1)} MB gzipped), ${threadsText()}, ${ROUNDS} round(s)`);
  for (let round = 0; round < ROUNDS; round++) {
    const order = commands.map((_, i) => commands[(i + round) % commands.length]!);
    const parts: string[] = [];
    for (const [name, run] of order) {
      const u = await run();
      figures.get(name)!.push(u);
      parts.push(`${name} ${u.wall.toFixed(2)}/${u.cpu.toFixed(2)}`);
    }
    log(`  round ${round + 1} (wall/CPU-s; ${load()}): ${parts.join(' · ')}`);
  }
  const med = (name: string) => {
    const list = figures.get(name)!;
    return {
      wall: median(list.map((u) => u.wall)),
      cpu: median(list.map((u) => u.cpu)),
      rssMb: Math.max(...list.map((u) => u.rssMb)),
    };
  };
  const [c, d, p, n] = commands.map(([name]) => med(name)) as [Usage, Usage, Usage, Usage];
  log('  medians (peak RSS the highest):');
  for (const [name] of commands) log(`    ${name.padEnd(22)} ${usageText(med(name))}`);
  log(
    `  dte run: ${Math.round(ROWS / p.wall).toLocaleString('en-US')} rows/s · ${(p.wall / c.wall).toFixed(1)}× the C floor's wall, ${(p.cpu / c.cpu).toFixed(1)}× its CPU · ${(p.wall / d.wall).toFixed(2)}× DuckDB's wall, ${(p.cpu / d.cpu).toFixed(2)}× its CPU`,
  );
  const addrWall = p.wall / n.wall - 1;
  const addrCpu = p.cpu / n.cpu - 1;
  log(`  addresses: +${(addrWall * 100).toFixed(1)} % wall, +${(addrCpu * 100).toFixed(1)} % CPU`);
  results.push(
    goal(p.wall / d.wall <= 3, `${rowsText(ROWS)} rows ≤ 3× DuckDB's wall: ${(p.wall / d.wall).toFixed(2)}×`),
  );
  results.push(
    goal(p.cpu / d.cpu <= 3, `${rowsText(ROWS)} rows ≤ 3× DuckDB's CPU: ${(p.cpu / d.cpu).toFixed(2)}×`),
  );
  results.push(
    goal(
      addrWall <= 0.15 && addrCpu <= 0.15,
      `addresses cost ≤ 15 %: +${(addrWall * 100).toFixed(1)} % wall, +${(addrCpu * 100).toFixed(1)} % CPU`,
    ),
  );
  return p;
}

async function memory(base: Usage | null): Promise<void> {
  const small = base ?? (await pipeline(await ensureExport(ROWS, true)));
  const big = await pipeline(await ensureExport(BIG_ROWS, true));
  const ratio = big.rssMb / small.rssMb;
  log(
    `\nmemory: dte run, ${rowsText(BIG_ROWS)} rows: ${usageText(big)} (${rowsText(ROWS)}: ${small.rssMb.toFixed(0)} MB; ${big.rssMb.toFixed(0)}/${small.rssMb.toFixed(0)} = ${ratio.toFixed(2)}×; ${load()})`,
  );
  results.push(
    goal(
      big.rssMb < 400 && ratio < 1.25,
      `peak RSS < 400 MB and flat at ${rowsText(BIG_ROWS)}: ${big.rssMb.toFixed(0)} MB (${ratio.toFixed(2)}× ${rowsText(ROWS)})`,
    ),
  );
}

/** Distributed and inline alternate, DIST_ROUNDS times each. */
async function distributed(): Promise<void> {
  const { benchDistributed } = await import('./benchDistributed.js');
  const file = await ensureExport(ROWS, true);
  const dist: number[] = [];
  const inline: number[] = [];
  for (let round = 0; round < DIST_ROUNDS; round++) {
    dist.push((await benchDistributed(file, asOf, path.join(work, 'store-dist'))).wallMs / 1000);
    inline.push((await pipeline(file)).wall);
    log(
      `  round ${round + 1}: distributed ${dist.at(-1)!.toFixed(2)} s · inline ${inline.at(-1)!.toFixed(2)} s (${load()})`,
    );
  }
  const ratio = median(dist) / median(inline);
  log(
    `\ndistributed, ${rowsText(ROWS)} rows, two worker processes: ${median(dist).toFixed(2)} s (inline ${median(inline).toFixed(2)} s) · ${ratio.toFixed(2)}×`,
  );
  results.push(goal(ratio <= 1.5, `distributed ≤ 1.5× inline: ${ratio.toFixed(2)}×`));
}

async function serving(): Promise<void> {
  const { benchServing } = await import('./benchServing.js');
  const figures = await benchServing(path.join(work, 'demo-store'), SERVE_SECONDS);
  log(
    `\nserving: GET / on the demo store, 10 connections, ${SERVE_SECONDS} s: ${figures.requestsPerSecond.toFixed(0)} requests/s, latency median ${figures.latencyMedianMs} ms, p99 ${figures.latencyP99Ms} ms, ${figures.errors} errors (${load()})`,
  );
  results.push(
    goal(figures.requestsPerSecond >= 500, `GET / ≥ 500 requests/s: ${figures.requestsPerSecond.toFixed(0)}`),
  );
}

/** A workbook export beside the CSV of the same rows, both through `dte run`: time, peak RSS, same indicators. */
async function xlsx(): Promise<void> {
  const { benchXlsx } = await import('./benchXlsx.js');
  const f = await benchXlsx({ rows: ROWS, seed: 20261123, asOf, dir: work });
  const text = (r: { wallMs: number; maxRssMb: number }) =>
    `${(r.wallMs / 1000).toFixed(2)} s, ${r.maxRssMb.toFixed(0)} MB`;
  log(
    `
xlsx: ${rowsText(ROWS)} rows, dte run: workbook (${(f.xlsx.bytes / 1e6).toFixed(0)} MB) ${text(f.xlsx)} · CSV (${(f.csv.bytes / 1e6).toFixed(0)} MB) ${text(f.csv)} · indicators ${f.sameIndicators ? 'the same' : 'DIFFER'} (${load()})`,
  );
  results.push(
    goal(
      f.xlsx.maxRssMb < 400 && f.sameIndicators,
      `xlsx peak RSS < 400 MB with the CSV's indicators: ${f.xlsx.maxRssMb.toFixed(0)} MB`,
    ),
  );
}

/** What the runs may use: the threads setting and the machine's cores. */
function threadsText(): string {
  const setting = readEnv().DTE_THREADS;
  return `${threadCount(setting)} thread(s) per stage (DTE_THREADS=${setting ?? 'unset'}, ${availableParallelism()} cores)`;
}

async function main(): Promise<void> {
  await mkdir(work, { recursive: true });
  log(`bench at ${new Date().toISOString()}, Node ${process.version}, ${load()}${quick ? ', --quick' : ''}`);
  const base = only.has('core') ? await core() : null;
  if (only.has('memory')) await memory(base);
  if (only.has('distributed')) await distributed();
  if (only.has('serving')) await serving();
  if (only.has('xlsx')) await xlsx();
  log(`\ngoals (${load()})\n${results.map((r) => `  ${r}`).join('\n')}`);
}

await main();
