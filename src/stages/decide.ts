import type { PipelineContext } from '../context/context.js';
import { isHeld, readCurrent, readManifest, readRunManifest } from '../snapshot/catalog.js';
import { snapshotKeys } from '../snapshot/layout.js';
import type { Held, Manifest } from '../snapshot/manifest.js';
import { failedGates, gateFigures } from './gates.js';
import type { FetchedFeed } from './ingest.js';
import { planRun, runIdentity } from './plan.js';
import { removeWork } from './publish.js';
import type { IngestResult, RunPlan } from './results.js';

export type RunDecision =
  | { action: 'run'; plan: RunPlan }
  | { action: 'already_published'; plan: RunPlan }
  | { action: 'held'; plan: RunPlan; held: Held }
  | { action: 'unchanged'; plan: RunPlan };

/**
 * After ingest, both runners ask the same question: is there anything to publish? The same inputs
 * as the published run of that date mean the same files (nothing to do); feeds that all answered
 * "unchanged" for a date with no snapshot yet mean old bytes, which must not pose as a new date.
 * The same inputs as a held run are held again without recomputing it, while a gate still fails.
 */
export async function decideRun(
  ctx: PipelineContext,
  asOf: string,
  ingests: IngestResult[],
): Promise<RunDecision> {
  const decision = await decide(ctx, asOf, ingests);
  // Nothing will classify the staged rows of a run that is not going ahead: they go now.
  if (decision.action !== 'run') await removeWork(ctx, decision.plan);
  return decision;
}

async function decide(ctx: PipelineContext, asOf: string, ingests: IngestResult[]): Promise<RunDecision> {
  const plan = await planRun(ctx, asOf, ingests);
  const current = await readCurrent(ctx.store, asOf);
  if (current?.run_id === plan.run_id && (await readManifest(ctx.store, current)) !== null) {
    ctx.logger.info({ asOf, runId: plan.run_id }, 'this run is already published: same inputs, same files');
    return { action: 'already_published', plan };
  }
  const own = await readRunManifest(ctx.store, asOf, plan.run_id);
  if (own?.held && isHeld(own)) {
    // Gates are not part of the run id: a loosened gate lets the same inputs publish.
    const prefix = snapshotKeys.prefix(asOf, plan.run_id);
    const reasons = failedGates(await gateFigures(ctx, plan, own.inputs, prefix), ctx.config.gates);
    if (reasons.length > 0) {
      ctx.logger.info({ asOf, runId: plan.run_id }, 'this run is already held by a publish gate');
      return { action: 'held', plan, held: { reasons } };
    }
  }
  if (ingests.length > 0 && ingests.every((i) => i.fetch_status === 'unchanged') && current === null) {
    ctx.logger.info({ asOf }, 'every feed is unchanged since its last fetch: nothing to publish');
    return { action: 'unchanged', plan };
  }
  return { action: 'run', plan };
}

/**
 * Whether the date's published run read these very bytes for the feed: only then may its parse turn
 * out to be unneeded, so only then does it wait for every feed's hash (`decidePublished`).
 */
export async function publishedFrom(ctx: PipelineContext, feed: FetchedFeed): Promise<boolean> {
  const current = await readCurrent(ctx.store, feed.payload.as_of);
  const manifest = current ? await readManifest(ctx.store, current) : null;
  return (
    manifest?.inputs.some((i) => i.feed_id === feed.payload.feed_id && i.sha256 === feed.fetched.sha256) ??
    false
  );
}

/**
 * Before parsing: the fetched exports' hashes already decide the run id, so a date published from
 * the same inputs is recognised without reading a row. Returns that run's plan, its counts taken from
 * the published manifest, or null when the run must be ingested.
 */
export async function decidePublished(
  ctx: PipelineContext,
  asOf: string,
  fetched: readonly FetchedFeed[],
): Promise<RunPlan | null> {
  const inputs = fetched.map((f) => ({
    feed_id: f.payload.feed_id,
    sha256: f.fetched.sha256,
    staging_prefix: f.staging_prefix,
  }));
  const identity = await runIdentity(ctx, asOf, inputs);
  const current = await readCurrent(ctx.store, asOf);
  if (current?.run_id !== identity.run_id) return null;
  const manifest = await readManifest(ctx.store, current);
  if (!manifest) return null;
  const feeds = [...fetched]
    .sort((a, b) => a.payload.feed_id.localeCompare(b.payload.feed_id))
    .map((f) => publishedFeed(f, manifest));
  if (feeds.some((f) => f === null)) return null;
  ctx.logger.info({ asOf, runId: identity.run_id }, 'this run is already published: same inputs, same files');
  return { ...identity, feeds: feeds as RunPlan['feeds'] };
}

/** A feed's ingest result as the published run recorded it, or null when the manifest lacks it. */
function publishedFeed(f: FetchedFeed, manifest: Manifest): RunPlan['feeds'][number] | null {
  const input = manifest.inputs.find((i) => i.feed_id === f.payload.feed_id);
  if (!input) return null;
  return {
    feed_id: input.feed_id,
    format: input.format,
    source: f.fetched.source,
    raw_key: f.fetched.rawKey,
    bytes: f.fetched.bytes,
    sha256: f.fetched.sha256,
    fetch_status: f.fetched.status,
    rows_read: input.rows_read,
    valid: input.accepted + input.duplicates,
    rejected: input.rejected,
    industry_code_systems: input.industry_code_systems,
    legacy_sources: input.legacy_sources ?? { column: 0, province: 0, commune: 0, none: 0 },
    address_conflicts: input.address_conflicts ?? 0,
    // Only aggregate reads these, and an already-published run is not aggregated again.
    reject_columns: [],
    rejects_by_reason: {},
    staging_prefix: f.staging_prefix,
    partitions: manifest.partitions,
  };
}
