import { classify, type RuleBook } from '../classify/index.js';
import type { PipelineContext } from '../context/context.js';
import { dteEnterpriseLine, wholeLines } from '../csv/index.js';
import { type Classification, type PreviousRecord, withClassification } from '../domain/classified.js';
import { DteError } from '../domain/errors.js';
import { type CountedRecord, type CountsFile, PartitionCounter } from '../indicators/index.js';
import { snapshotFiles, snapshotKeys, workKeys } from '../snapshot/layout.js';
import { Deduper } from '../staging/dedupe.js';
import { dteTextInOrder } from '../staging/dteLines.js';
import { EnterpriseJsonWriter } from '../staging/enterpriseJson.js';
import { PartitionWriter } from '../staging/partitionWriter.js';
import { provinceNames } from '../staging/provinceNames.js';
import { type KeySink, readRowKeys } from '../staging/rowKeys.js';
import { eachLineOf, F, type LineVisitor, type StagedCodes, StagedRow } from '../staging/stagedRecord.js';
import type { PutResult } from '../store/objectStore.js';
import { inStage } from './inStage.js';
import { loadPreviousPartition } from './previous.js';
import type { ClassifyResult, RunPlan } from './results.js';
import { ruleBook } from './rules.js';

export interface ClassifyPayload {
  plan: RunPlan;
  partition: number;
}

/**
 * One partition of a run: deduplicates its rows across feeds, classifies them, streams the snapshot's
 * `enterprises/part-NN.ndjson.gz` (in staged order, gzipped while the next rows are classified), and
 * leaves its partial counts and DTE lines for the aggregate stage. Holds the partition's ids, its
 * previous records and its DTE lines, never its rows.
 */
export function classifyPartition(ctx: PipelineContext, payload: ClassifyPayload): Promise<ClassifyResult> {
  const where = {
    stage: 'classify',
    asOf: payload.plan.as_of,
    runId: payload.plan.run_id,
    partition: payload.partition,
  } as const;
  return inStage(where, () => classifyOnce(ctx, payload));
}

async function classifyOnce(ctx: PipelineContext, payload: ClassifyPayload): Promise<ClassifyResult> {
  const { plan, partition } = payload;
  const rules = ruleBook(ctx);
  const { deduper, winners } = await findWinners(ctx, plan, partition);
  const previous = await loadPreviousPartition(ctx.store, plan, partition);
  const counter = new PartitionCounter(plan.as_of, rules.categories);
  const dteLines: string[] = [];
  const partName = snapshotFiles.enterprisesPart(partition);
  // Level 1: the parts are read by machines, and higher levels cost far more time than they save bytes.
  // Hashed: the part is published and its sha256 goes into the manifest.
  const part = new PartitionWriter(
    (key, body, options) => ctx.store.put(key, body, options),
    () => snapshotKeys.file(plan.as_of, plan.run_id, partName),
    1,
    { contentType: 'application/gzip', gzipLevel: 1 },
  );
  const rows = new PartitionRows(winners, rules, counter, previous, part, dteLines, plan.as_of);
  for await (const piece of stagedPieces(ctx, plan, partition)) {
    eachLineOf(piece, rows);
    await part.drain();
  }
  if (rows.read !== winners.length) {
    part.destroy();
    throw new DteError('the staged rows and their keys differ in number', {
      partition,
      rows: rows.read,
      keys: winners.length,
    });
  }
  const [written] = await part.close();
  return finishPartition(ctx, plan, partition, {
    counts: counter.finish(previous, (id) => deduper.has(id)).file(),
    dteLines,
    deduper,
    written: written!,
    partName,
  });
}

/**
 * The second pass over a partition's staged lines: each kept row classified, counted, written as its
 * enterprise line, and its DTE line handed on. One object per partition, its method the one call
 * target of the line loop in every partition (see `LineVisitor`).
 */
class PartitionRows implements LineVisitor {
  private readonly row = new StagedRow();
  private readonly json = new EnterpriseJsonWriter();
  private readonly counted = countedRecord();
  private readonly names = provinceNames();
  /** Staged rows read so far: the position of the next among the partition's keys. */
  read = 0;

  constructor(
    private readonly winners: Uint8Array,
    private readonly rules: RuleBook,
    private readonly counter: PartitionCounter,
    private readonly previous: ReadonlyMap<string, PreviousRecord> | null,
    private readonly part: PartitionWriter<PutResult>,
    private readonly dteLines: string[],
    private readonly asOf: string,
  ) {}

  line(bytes: Buffer, start: number, end: number): void {
    if (this.winners[this.read++] !== 1) return;
    const { row, counted } = this;
    row.read(bytes, start, end);
    const codes = row.codes();
    const classification = classify(codes, this.rules);
    fillCounted(counted, codes, classification);
    this.counter.add(counted, this.previous ? this.previous.get(row.ascii(F.id)) : undefined);
    if (classification.is_dte) {
      const classified = withClassification(row.record(), classification);
      const ruleSetId = this.rules.bySystem[classified.main_industry_system].id;
      this.dteLines.push(
        dteEnterpriseLine(classified, this.names.of(classified), { asOf: this.asOf, ruleSetId }),
      );
    }
    const room = EnterpriseJsonWriter.room(row);
    const lines = this.part.lineSpace(0, room);
    lines.commit(this.json.write(lines.space(room), lines.length, row, classification));
  }
}

/** What the counts read of a row: one object of one shape, filled again for every row. */
function countedRecord(): CountedRecord {
  return {
    is_dependent_unit: false,
    province_code: '',
    legacy_province_code: null,
    commune_code: null,
    registration_date: '',
    status: 'active',
    is_dte: false,
    dte_category: null,
    digital_secondary: false,
  };
}

function fillCounted(r: CountedRecord, codes: StagedCodes, c: Classification): void {
  r.is_dependent_unit = codes.is_dependent_unit;
  r.province_code = codes.province_code;
  r.legacy_province_code = codes.legacy_province_code;
  r.commune_code = codes.commune_code;
  r.registration_date = codes.registration_date;
  r.status = codes.status;
  r.is_dte = c.is_dte;
  r.dte_category = c.dte_category;
  r.digital_secondary = c.digital_secondary;
}

/** The partition's staged rows as pieces of whole lines, feeds in plan order, each file in its own order. */
async function* stagedPieces(ctx: PipelineContext, plan: RunPlan, partition: number): AsyncIterable<Buffer> {
  for (const feed of plan.feeds) {
    yield* wholeLines(await ctx.store.get(workKeys.stagedPartition(feed.staging_prefix, partition)));
  }
}

/**
 * First pass: which staged row of each enterprise is kept, read from the keys files written beside
 * the staged rows (the feed of a row is its file's). Only ids and dates stay in memory, so the
 * second pass streams the rows in staged order (deterministic: feed order, then file order).
 */
async function findWinners(
  ctx: PipelineContext,
  plan: RunPlan,
  partition: number,
): Promise<{ deduper: Deduper; winners: Uint8Array }> {
  const deduper = new Deduper();
  const keys = new FeedKeys(deduper);
  for (const feed of plan.feeds) {
    keys.feed = feed.feed_id;
    await readRowKeys(await ctx.store.get(workKeys.stagedKeys(feed.staging_prefix, partition)), keys);
  }
  return { deduper, winners: deduper.winners(keys.rows) };
}

/** A partition's staged keys to the deduper, each with its feed and its position among the partition's rows. */
class FeedKeys implements KeySink {
  feed = '';
  rows = 0;
  constructor(private readonly deduper: Deduper) {}

  add(key: number, updated: number): void {
    this.deduper.add(key, updated, this.feed, this.rows++);
  }
}

interface PartitionOutput {
  counts: CountsFile;
  dteLines: string[];
  deduper: Deduper;
  written: PutResult;
  partName: string;
}

async function finishPartition(
  ctx: PipelineContext,
  plan: RunPlan,
  partition: number,
  out: PartitionOutput,
): Promise<ClassifyResult> {
  const rows = out.deduper.size;
  const countsKey = workKeys.counts(plan.run_id, partition);
  const dteKey = workKeys.dteLines(plan.run_id, partition);
  await Promise.all([
    ctx.store.putUnhashed(countsKey, JSON.stringify(out.counts), { contentType: 'application/json' }),
    ctx.store.putUnhashed(dteKey, dteTextInOrder(Buffer.from(out.dteLines.join(''))), {
      contentType: 'text/csv',
    }),
  ]);
  ctx.logger.debug({ stage: 'classify', asOf: plan.as_of, partition, rows }, 'partition classified');
  return {
    partition,
    records: rows,
    duplicates: Object.fromEntries(
      [...out.deduper.duplicates.entries()].sort(([a], [b]) => a.localeCompare(b)),
    ),
    counts_key: countsKey,
    dte_key: dteKey,
    output: { key: out.partName, bytes: out.written.bytes, sha256: out.written.sha256, rows },
  };
}
