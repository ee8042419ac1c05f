import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pino } from 'pino';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config/load.js';
import type { PipelineContext } from '../../src/context/context.js';
import { codeVersion } from '../../src/package/codeVersion.js';
import { listPublished, readManifest } from '../../src/snapshot/catalog.js';
import { readAll } from '../../src/store/bodies.js';
import { openStore } from '../../src/store/openStore.js';
import { writeExport } from '../../tools/generator/index.js';

export interface Series {
  dir: string;
  configFile: string;
  dates: string[];
}

/** Generated national exports named by date, and a config whose one feed reads `national-{as_of}.csv.gz`. */
export async function writeSeries(
  dir: string,
  options: {
    dates: string[];
    rows: number;
    store: string;
    partitions?: number;
    worker?: Record<string, number>;
  },
): Promise<Series> {
  for (const [i, asOf] of options.dates.entries()) {
    await writeExport(path.join(dir, `national-${asOf}.csv.gz`), {
      rows: options.rows,
      seed: 7 + i,
      asOf,
      format: 'vn-dkkd-csv',
      gzip: true,
    });
  }
  const configFile = path.join(dir, 'dte.yaml');
  await writeFile(
    configFile,
    stringify({
      store: options.store,
      partitions: options.partitions ?? 4,
      targets: path.resolve('fixtures/targets.yaml'),
      feeds: [
        { id: 'national', format: 'vn-dkkd-csv', source: { type: 'file', path: 'national-{as_of}.csv.gz' } },
      ],
      worker: {
        attempts: 4,
        backoff_ms: 100,
        lock_duration_ms: 2000,
        stalled_interval_ms: 1000,
        ...options.worker,
      },
    }),
  );
  return { dir, configFile, dates: options.dates };
}

/** A context on the series' config, with a store URL of the caller's choice. */
export async function seriesContext(series: Series, store: string): Promise<PipelineContext> {
  const loaded = loadConfig(series.configFile, { DTE_STORE: store });
  return {
    store: await openStore(loaded.config.store, { baseDir: loaded.baseDir }),
    logger: pino({ level: 'silent' }),
    config: loaded.config,
    baseDir: loaded.baseDir,
    codeVersion: codeVersion(),
  };
}

/** The data files of every published snapshot: as-of → { file: sha256 } (the manifest's times left out). */
export async function publishedFiles(ctx: PipelineContext): Promise<Record<string, Record<string, string>>> {
  const result: Record<string, Record<string, string>> = {};
  for (const pointer of await listPublished(ctx.store)) {
    const manifest = await readManifest(ctx.store, pointer);
    if (!manifest) continue;
    result[manifest.as_of] = Object.fromEntries(manifest.outputs.map((o) => [o.key, o.sha256]));
    result[manifest.as_of]!.run_id = manifest.run_id;
  }
  return result;
}

/**
 * What the after-publish sequence left in a store: the alert state and history, byte for byte, and
 * the failed deliveries (id, channel and date; the error texts may differ between runners).
 */
export async function alertRecords(ctx: PipelineContext): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for await (const object of ctx.store.list('alerts/')) {
    if (object.key.startsWith('alerts/deliveries/')) continue;
    const text = (await readAll(await ctx.store.get(object.key))).toString('utf8');
    if (!object.key.startsWith('alerts/failed/')) result[object.key] = text;
    else {
      const { id, channel, as_of } = JSON.parse(text) as Record<string, string>;
      result[object.key] = JSON.stringify({ id, channel, as_of });
    }
  }
  return result;
}
