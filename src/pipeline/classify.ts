import { gzipSync } from 'node:zlib';
import { classify } from '../classify/index.js';
import { dteEnterpriseLine } from '../csv/index.js';
import type { ClassifiedRecord } from '../domain/classified.js';
import type { IngestedRecord } from '../domain/record.js';
import { countPartition } from '../indicators/index.js';
import { snapshotFiles, snapshotKeys } from '../snapshot/layout.js';
import type { PipelineContext } from './context.js';
import { Deduper } from './dedupe.js';
import { readGzipLines } from './ndjson.js';
import { loadPreviousPartition } from './previous.js';
import { provinceNames } from './provinceNames.js';
import type { ClassifyResult, RunPlan } from './results.js';
import { ruleBook } from './rules.js';
import { workKeys } from './stageKeys.js';

export interface ClassifyPayload {
  plan: RunPlan;
  partition: number;
}

/**
 * One partition of a run: deduplicates its rows across feeds, classifies them, writes the snapshot's
 * `enterprises/part-NN.ndjson.gz`, and leaves its partial counts and DTE lines for the aggregate stage.
 * Holds one partition in memory and nothing else.
 */
export async function classifyPartition(ctx: PipelineContext, payload: ClassifyPayload): Promise<ClassifyResult> {
  const { plan, partition } = payload;
  const rules = ruleBook(ctx);
  const deduper = new Deduper();
  for (const feed of plan.feeds) {
    for await (const line of readGzipLines(ctx.store, workKeys.stagedPartition(feed.staging_prefix, partition))) {
      deduper.add(JSON.parse(line) as IngestedRecord);
    }
  }
  const classified = [...deduper.records.values()]
    .sort((a, b) => (a.enterprise_id < b.enterprise_id ? -1 : 1))
    .map((record): ClassifiedRecord => ({ ...record, ...classify(record, rules) }));

  const previous = await loadPreviousPartition(ctx.store, plan, partition);
  const counts = countPartition(classified, previous, plan.as_of, rules.categories);
  const countsKey = workKeys.counts(plan.run_id, partition);
  const dteKey = workKeys.dteLines(plan.run_id, partition);
  const names = provinceNames();
  const dteLines = classified.filter((r) => r.is_dte).map((r) => dteEnterpriseLine(r, names.of(r)));
  const partBody = gzipSync(classified.map((r) => `${JSON.stringify(r)}\n`).join(''), { level: 6 });
  const partName = snapshotFiles.enterprisesPart(partition);
  const written = await ctx.store.put(snapshotKeys.file(plan.as_of, plan.run_id, partName), partBody, {
    contentType: 'application/gzip',
  });
  await Promise.all([
    ctx.store.put(countsKey, JSON.stringify(counts), { contentType: 'application/json' }),
    ctx.store.put(dteKey, dteLines.join(''), { contentType: 'text/csv' }),
  ]);
  ctx.logger.debug({ stage: 'classify', asOf: plan.as_of, partition, rows: classified.length }, 'partition classified');
  return {
    partition,
    records: classified.length,
    duplicates: Object.fromEntries([...deduper.duplicates.entries()].sort(([a], [b]) => a.localeCompare(b))),
    counts_key: countsKey,
    dte_key: dteKey,
    output: { key: partName, bytes: written.bytes, sha256: written.sha256, rows: classified.length },
  };
}
