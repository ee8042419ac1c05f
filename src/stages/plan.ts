import { createHash } from 'node:crypto';
import type { PipelineContext } from '../context/context.js';
import { findPrevious, readManifest } from '../snapshot/catalog.js';
import type { IngestResult, RunPlan } from './results.js';
import { ruleBook } from './rules.js';

/**
 * Decides the run: its id, partitions and the previous snapshot it compares with. The run id hashes
 * everything the data files depend on (input bytes and settings, rules, code, previous snapshot),
 * so a rerun on the same inputs lands in the same folder with the same bytes.
 */
export async function planRun(ctx: PipelineContext, asOf: string, ingests: IngestResult[]): Promise<RunPlan> {
  const feeds = [...ingests].sort((a, b) => a.feed_id.localeCompare(b.feed_id));
  return { ...(await runIdentity(ctx, asOf, feeds)), feeds };
}

/** What a feed adds to the run id: all of it known once the export is fetched, before parsing. */
export interface FeedIdentity {
  feed_id: string;
  sha256: string;
  staging_prefix: string;
}

/** The run's id and everything it hashes but the feeds' counts. */
export async function runIdentity(
  ctx: PipelineContext,
  asOf: string,
  inputs: readonly FeedIdentity[],
): Promise<Omit<RunPlan, 'feeds'>> {
  const feeds = [...inputs].sort((a, b) => a.feed_id.localeCompare(b.feed_id));
  const previousPointer = await findPrevious(ctx.store, asOf);
  const previousManifest = previousPointer ? await readManifest(ctx.store, previousPointer) : null;
  const previous =
    previousPointer && previousManifest
      ? { ...previousPointer, partitions: previousManifest.partitions }
      : null;
  const rules = ruleBook(ctx);
  const identity = {
    as_of: asOf,
    inputs: feeds.map((f) => [f.feed_id, f.sha256, f.staging_prefix]),
    rule_set_id: rules.id,
    code_version: ctx.codeVersion,
    partitions: ctx.config.partitions,
    previous: previous ? [previous.as_of, previous.run_id] : null,
  };
  const runId = createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 16);
  return {
    as_of: asOf,
    run_id: runId,
    rule_set_id: rules.id,
    code_version: ctx.codeVersion,
    partitions: ctx.config.partitions,
    previous,
  };
}
