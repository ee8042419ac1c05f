/**
 * `npm run demo`: the committed demo series through `dte run`, one as-of date after another, on the
 * embedded defaults (local store under ./var/store), then a table per province of the latest snapshot
 * (with DTEs per 1,000 people), the plan targets' statuses, the national one first, and every
 * notification with where it went (the channels of config/dte.example.yaml, or $DTE_CONFIG).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { loadConfig } from '../src/config/load.js';
import { provincesJsonSchema } from '../src/indicators/schema.js';
import { packageRoot } from '../src/package/packageRoot.js';
import { listPublished, readJsonObject } from '../src/snapshot/catalog.js';
import { openStore } from '../src/store/openStore.js';
import { printNotifications } from './demoNotifications.js';
import { printTargets } from './demoTargets.js';

const seriesSchema = z.object({
  series: z.array(
    z.object({
      as_of: z.string(),
      file: z.string(),
      format: z.enum(['canonical-csv', 'ndjson', 'vn-dkkd-csv']),
      industry_codes: z.enum(['vsic2018', 'vsic2025', 'auto']).default('auto'),
    }),
  ),
});

const root = packageRoot();
const demoDir = path.join(root, 'fixtures/demo');
const storeUrl = process.env.DTE_STORE ?? 'file:./var/store';
const cli = path.join(root, 'dist/src/cli/main.js');
/** The example deployment config: its alert channels are the demo's (the log, plus whatever it enables). */
const configFile = process.env.DTE_CONFIG ?? path.join(root, 'config/dte.example.yaml');

function runSeries(): void {
  const { series } = seriesSchema.parse(parseYaml(readFileSync(path.join(demoDir, 'feeds.yaml'), 'utf8')));
  for (const entry of [...series].sort((a, b) => a.as_of.localeCompare(b.as_of))) {
    const args = [
      cli,
      'run',
      '--input',
      path.join(demoDir, entry.file),
      '--format',
      entry.format,
      '--feed-id',
      'national',
      '--config',
      configFile,
    ];
    args.push('--as-of', entry.as_of, '--industry-codes', entry.industry_codes, '--store', storeUrl);
    process.stdout.write(
      `\n$ dte run --input fixtures/demo/${entry.file} --format ${entry.format} --as-of ${entry.as_of}\n`,
    );
    const result = spawnSync(process.execPath, args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    });
    if (result.status !== 0) {
      process.stderr.write(`demo: dte run failed for ${entry.as_of} (exit ${result.status})\n`);
      process.exit(result.status ?? 1);
    }
  }
}

const pad = (v: string, n: number) => (v.length >= n ? v : v + ' '.repeat(n - v.length));
const lpad = (v: string, n: number) => (v.length >= n ? v : ' '.repeat(n - v.length) + v);

async function printSummary(): Promise<void> {
  const store = await openStore(storeUrl);
  const published = await listPublished(store);
  const latest = published.at(-1);
  if (!latest) throw new Error('no snapshot was published');
  const previous = published.at(-2);
  const now = provincesJsonSchema.parse(await readJsonObject(store, `${latest.prefix}provinces.json`));
  const before = previous
    ? provincesJsonSchema.parse(await readJsonObject(store, `${previous.prefix}provinces.json`))
    : null;
  const prevDte = new Map(
    [...(before?.provinces ?? []), ...(before ? [before.national] : [])].map((p) => [p.code, p.dte_active]),
  );
  process.stdout.write(
    `\nProvinces at ${now.as_of} (rules ${now.rule_set_id}); change since ${previous?.as_of ?? '-'}\n`,
  );
  process.stdout.write(
    `${pad('code', 5)}${pad('province', 22)}${lpad('enterprises', 12)}${lpad('DTEs', 8)}${lpad('share %', 9)}${lpad('Δ DTEs', 8)}${lpad('per 1,000', 11)}\n`,
  );
  for (const p of [...now.provinces, now.national]) {
    const change = prevDte.has(p.code) ? p.dte_active - (prevDte.get(p.code) ?? 0) : null;
    const delta = change === null ? '-' : change > 0 ? `+${change}` : String(change);
    const share = p.dte_share_pct === null ? '-' : p.dte_share_pct.toFixed(2);
    const density = p.dte_per_1000_people === null ? '-' : p.dte_per_1000_people.toFixed(2);
    process.stdout.write(
      `${pad(p.code, 5)}${pad(p.name, 22)}${lpad(String(p.enterprises_active), 12)}${lpad(String(p.dte_active), 8)}${lpad(share, 9)}${lpad(delta, 8)}${lpad(density, 11)}\n`,
    );
  }
  await printTargets(store);
  await printNotifications(store, loadConfig(configFile), path.relative(root, configFile) || configFile);
  process.stdout.write(
    `\n${published.length} snapshots in ${storeUrl}; the latest is in snapshots/${latest.as_of}/${latest.run_id}/\n`,
  );
  process.stdout.write(
    `try: npx dte snapshots list --store ${storeUrl}   ·   npx dte alerts list --store ${storeUrl}\n`,
  );
  await store.close();
}

runSeries();
await printSummary();
