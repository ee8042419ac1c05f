import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { PipelineContext } from '../context/context.js';
import {
  CSV_BOM,
  communeCount,
  communesCsv,
  communesJson,
  dteEnterprisesHeader,
  legacyProvincesCsv,
  legacyProvincesJson,
  provincesCsv,
  provincesJson,
  rejectsSummaryCsv,
} from '../csv/index.js';
import { dataDictionaryCsv, snapshotFileDefs, snapshotReadme } from '../dictionary/index.js';
import { DteError } from '../domain/errors.js';
import { snapshotSheets, type WorkbookSpec, writeSnapshotWorkbook } from '../excel/index.js';
import { buildCommunes, buildIndicators, mergeCountsFiles } from '../indicators/index.js';
import { communes2025 } from '../reference/communes.js';
import { currentPopulation, legacyPopulation } from '../reference/population.js';
import { currentProvinces, legacyProvinces } from '../reference/provinces.js';
import { readJsonObject } from '../snapshot/catalog.js';
import { snapshotFiles, snapshotKeys, workKeys } from '../snapshot/layout.js';
import type { ManifestOutput } from '../snapshot/manifest.js';
import { dteListChunks } from '../staging/dteMerge.js';
import { inStage } from './inStage.js';
import type { AggregateResult, ClassifyResult, IngestResult, RunPlan } from './results.js';
import { ruleBook } from './rules.js';
import { inTempDir } from './tempDir.js';

export interface AggregatePayload {
  plan: RunPlan;
}

/** Counts the data rows of a CSV text written by this project (BOM + header + CRLF rows). */
function csvRows(text: string): number {
  return Math.max(0, text.split('\r\n').length - 2);
}

/**
 * Merges the partitions' counts into the indicator files and the DTE list, and copies each feed's
 * rejects into the snapshot. Needs every classify result of the run (the BullMQ children's values).
 */
export function aggregateRun(
  ctx: PipelineContext,
  payload: AggregatePayload,
  classified: ClassifyResult[],
): Promise<AggregateResult> {
  const where = { stage: 'aggregate', asOf: payload.plan.as_of, runId: payload.plan.run_id } as const;
  return inStage(where, () => aggregateOnce(ctx, payload, classified));
}

async function aggregateOnce(
  ctx: PipelineContext,
  payload: AggregatePayload,
  classified: ClassifyResult[],
): Promise<AggregateResult> {
  const { plan } = payload;
  const parts = [...classified].sort((a, b) => a.partition - b.partition);
  if (parts.length !== plan.partitions || parts.some((p, i) => p.partition !== i)) {
    throw new DteError('aggregate needs every partition of the run', {
      asOf: plan.as_of,
      runId: plan.run_id,
      have: parts.map((p) => p.partition).join(','),
    });
  }
  const rules = ruleBook(ctx);
  const countsFiles: Array<{ key: string; value: unknown }> = [];
  for (const part of parts)
    countsFiles.push({ key: part.counts_key, value: await readJsonObject(ctx.store, part.counts_key) });
  const merged = mergeCountsFiles(countsFiles, rules.categories);
  const tables = buildIndicators(merged, {
    asOf: plan.as_of,
    ruleSetId: rules.id,
    categories: rules.categories,
    provinces: currentProvinces(),
    legacyProvinces: legacyProvinces(),
    hasPrevious: plan.previous !== null,
    population: { current: currentPopulation(), legacy: legacyPopulation() },
  });
  const meta = { asOf: plan.as_of, ruleSetId: rules.id, categories: rules.categories };
  const files: Array<[string, string, number]> = [];
  const pCsv = provincesCsv(tables, meta);
  files.push([snapshotFiles.provincesCsv, pCsv, csvRows(pCsv)]);
  files.push([snapshotFiles.provincesJson, provincesJson(tables, meta), tables.provinces.length + 1]);
  if (tables.legacy) {
    const lCsv = legacyProvincesCsv(tables, meta);
    files.push([snapshotFiles.legacyCsv, lCsv, csvRows(lCsv)]);
    files.push([snapshotFiles.legacyJson, legacyProvincesJson(tables, meta), tables.legacy.length]);
  }
  const communes = buildCommunes(merged, {
    categories: rules.categories,
    hasPrevious: plan.previous !== null,
    provinces: currentProvinces(),
    communes: communes2025(),
  });
  files.push([snapshotFiles.communesCsv, communesCsv(communes, meta), communeCount(communes)]);
  files.push([snapshotFiles.communesJson, communesJson(communes, meta), communeCount(communes)]);
  const dteKey = snapshotKeys.file(plan.as_of, plan.run_id, snapshotFiles.dteEnterprises);
  const outputs: ManifestOutput[] = parts.map((p) => p.output);
  outputs.push(await putDteList(ctx, parts, dteKey));
  const summary = rejectsSummaryCsv(
    plan.as_of,
    plan.feeds.map((f) => ({ feedId: f.feed_id, reasons: f.rejects_by_reason })),
  );
  files.push([snapshotFiles.rejectsSummary, summary.text, summary.rows]);
  const sheets = snapshotSheets({
    asOf: plan.as_of,
    ruleSetId: rules.id,
    categories: rules.categories,
    tables,
    communes,
    dteCsv: () => ctx.store.get(dteKey),
    feeds: plan.feeds.map((f) => ({ feedId: f.feed_id, reasons: f.rejects_by_reason })),
  });
  outputs.push(await putWorkbook(ctx, plan, { asOf: plan.as_of, categories: rules.categories, sheets }));
  const defs = snapshotFileDefs(
    rules.categories,
    plan.feeds.map((f) => ({ feedId: f.feed_id, columns: f.reject_columns })),
    plan.as_of,
  );
  const dictionary = dataDictionaryCsv(defs);
  files.push([snapshotFiles.dataDictionary, dictionary, csvRows(dictionary)]);
  files.push([snapshotFiles.readme, snapshotReadme(plan.as_of, rules.id, defs), 0]);

  for (const [name, text, rows] of files) {
    const put = await ctx.store.put(snapshotKeys.file(plan.as_of, plan.run_id, name), text, {
      contentType: contentType(name),
    });
    outputs.push({ key: name, bytes: put.bytes, sha256: put.sha256, rows });
  }
  for (const feed of plan.feeds) outputs.push(await copyRejects(ctx, plan, feed));
  return { outputs: outputs.sort((a, b) => (a.key < b.key ? -1 : 1)), duplicates: sumDuplicates(parts) };
}

/**
 * `dte_enterprises.csv` put as a stream: the partitions' DTE lines (each partition's in id order, as
 * classify wrote them) merged as they are read, as bytes, never decoded and never held whole.
 */
async function putDteList(
  ctx: PipelineContext,
  parts: ClassifyResult[],
  key: string,
): Promise<ManifestOutput> {
  const texts = await Promise.all(parts.map((p) => ctx.store.get(p.dte_key)));
  const count = { lines: 0 };
  try {
    const head = Buffer.from(CSV_BOM + dteEnterprisesHeader());
    const put = await ctx.store.put(key, Readable.from(dteListChunks(head, texts, count)), {
      contentType: contentType(key),
    });
    return { key: snapshotFiles.dteEnterprises, bytes: put.bytes, sha256: put.sha256, rows: count.lines };
  } finally {
    for (const text of texts) text.destroy();
  }
}

/**
 * The workbook written to a temporary file (its DTE sheet read back from the stored list), then put
 * from the file: neither the list nor the zip is held in memory.
 */
function putWorkbook(ctx: PipelineContext, plan: RunPlan, spec: WorkbookSpec): Promise<ManifestOutput> {
  const name = snapshotFiles.workbook(plan.as_of);
  return inTempDir('dte-workbook-', async (dir) => {
    const file = path.join(dir, name);
    const { rows } = await writeSnapshotWorkbook(spec, file);
    const put = await ctx.store.put(
      snapshotKeys.file(plan.as_of, plan.run_id, name),
      createReadStream(file),
      {
        contentType: contentType(name),
      },
    );
    return { key: name, bytes: put.bytes, sha256: put.sha256, rows };
  });
}

/** Streams a feed's staged rejects (and warnings) into the snapshot; its rows are the feed's rejected and warned rows. */
async function copyRejects(ctx: PipelineContext, plan: RunPlan, feed: IngestResult): Promise<ManifestOutput> {
  const name = snapshotFiles.rejects(feed.feed_id);
  const body = await ctx.store.get(workKeys.stagedRejects(feed.staging_prefix));
  const put = await ctx.store.put(snapshotKeys.file(plan.as_of, plan.run_id, name), body, {
    contentType: contentType(name),
  });
  return { key: name, bytes: put.bytes, sha256: put.sha256, rows: feed.rejected + feed.address_conflicts };
}

function sumDuplicates(parts: ClassifyResult[]): Record<string, number> {
  const total = new Map<string, number>();
  for (const part of parts)
    for (const [feed, n] of Object.entries(part.duplicates)) total.set(feed, (total.get(feed) ?? 0) + n);
  return Object.fromEntries([...total.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export function contentType(name: string): string {
  if (name.endsWith('.csv')) return 'text/csv; charset=utf-8';
  if (name.endsWith('.json')) return 'application/json';
  if (name.endsWith('.gz')) return 'application/gzip';
  if (name.endsWith('.parquet')) return 'application/vnd.apache.parquet';
  if (name.endsWith('.md')) return 'text/markdown; charset=utf-8';
  if (name.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return 'application/octet-stream';
}
