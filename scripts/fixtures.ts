/**
 * `npm run fixtures -- --rows N --seed S --as-of D [--format F] [--gzip] [--out FILE]` writes one
 * generated national export (`--format vn-dkkd-xlsx [--inline-strings]`: the same rows as the
 * vn-dkkd-csv export of that seed, as a workbook); `npm run fixtures -- --demo [--out DIR]`
 * rewrites the committed demo series.
 */

import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../src/package/packageRoot.js';
import { parseAsOf } from '../src/time/asOf.js';
import { writeDemoSeries, writeExport, writeWorkbookFromCsv } from '../tools/generator/index.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    'as-of': { type: 'string', default: '2026-06-30' },
    format: { type: 'string', default: 'vn-dkkd-csv' },
    gzip: { type: 'boolean', default: false },
    'inline-strings': { type: 'boolean', default: false },
    out: { type: 'string' },
    demo: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  process.stderr.write(`fixtures: ${message}\n`);
  process.exit(2);
}

if (values.demo) {
  const dir = path.resolve(values.out ?? path.join(packageRoot(), 'fixtures/demo'));
  const written = await writeDemoSeries(dir);
  for (const w of written)
    process.stdout.write(`${w.as_of}  ${String(w.rows).padStart(6)} rows  ${path.join(dir, w.file)}\n`);
} else {
  const rows = Number(values.rows);
  const seed = Number(values.seed);
  if (!Number.isInteger(rows) || rows < 1) fail(`--rows must be a positive whole number, got ${values.rows}`);
  if (!Number.isInteger(seed)) fail(`--seed must be a whole number, got ${values.seed}`);
  const format = values.format;
  if (format === 'vn-dkkd-xlsx') {
    await workbookFixture(rows, seed);
    process.exit(0);
  }
  if (format !== 'vn-dkkd-csv' && format !== 'canonical-csv' && format !== 'ndjson')
    fail(`--format must be vn-dkkd-csv, vn-dkkd-xlsx, canonical-csv or ndjson`);
  const asOf = parseAsOf(values['as-of']);
  const ext = format === 'ndjson' ? 'ndjson' : 'csv';
  const out = path.resolve(
    values.out ?? `var/fixtures/${format}-${rows}-${seed}-${asOf}.${ext}${values.gzip ? '.gz' : ''}`,
  );
  const started = performance.now();
  const result = await writeExport(out, { rows, seed, asOf, format, gzip: values.gzip });
  process.stdout.write(
    `wrote ${result.rows} rows (${(result.bytes / 1e6).toFixed(1)} MB before compression) in ${((performance.now() - started) / 1000).toFixed(1)} s → ${out}\n`,
  );
}

/** The vn-dkkd-csv export of the seed, written as a workbook (its CSV removed after). */
async function workbookFixture(rows: number, seed: number): Promise<void> {
  const asOf = parseAsOf(values['as-of']);
  const out = path.resolve(values.out ?? `var/fixtures/vn-dkkd-xlsx-${rows}-${seed}-${asOf}.xlsx`);
  const csv = `${out}.csv`;
  const started = performance.now();
  await writeExport(csv, { rows, seed, asOf, format: 'vn-dkkd-csv' });
  const result = await writeWorkbookFromCsv(csv, out, { sharedStrings: !values['inline-strings'] });
  await rm(csv, { force: true });
  process.stdout.write(
    `wrote ${result.rows} rows as a workbook in ${((performance.now() - started) / 1000).toFixed(1)} s → ${out}\n`,
  );
}
