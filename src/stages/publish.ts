import type { PipelineContext } from '../context/context.js';
import { DteError } from '../domain/errors.js';
import { readLatest } from '../snapshot/catalog.js';
import { snapshotKeys, workKeys } from '../snapshot/layout.js';
import { MANIFEST_SCHEMA_VERSION, type Manifest, type SnapshotPointer } from '../snapshot/manifest.js';
import { failedGates, gateFigures } from './gates.js';
import { inStage } from './inStage.js';
import { writeParquetTwins } from './parquetTwins.js';
import type { AggregateResult, PublishResult, RunPlan } from './results.js';

export interface PublishPayload {
  plan: RunPlan;
}

/**
 * Checks that every row is accounted for, writes the Parquet twin of every CSV table, then the
 * manifest (which makes the snapshot exist), `current.json` of its date and, when it is the newest
 * date, `latest.json`, in that order. A run that fails a publish gate (`gates.ts`) is held: its
 * manifest says why and no pointer moves.
 */
export function publishRun(
  ctx: PipelineContext,
  payload: PublishPayload,
  aggregate: AggregateResult,
): Promise<PublishResult> {
  const where = { stage: 'publish', asOf: payload.plan.as_of, runId: payload.plan.run_id } as const;
  return inStage(where, () => publishOnce(ctx, payload, aggregate));
}

async function publishOnce(
  ctx: PipelineContext,
  payload: PublishPayload,
  aggregate: AggregateResult,
): Promise<PublishResult> {
  const { plan } = payload;
  const inputs = plan.feeds.map((feed) => {
    const duplicates = aggregate.duplicates[feed.feed_id] ?? 0;
    return {
      feed_id: feed.feed_id,
      format: feed.format,
      source: feed.source,
      raw_key: feed.raw_key,
      bytes: feed.bytes,
      sha256: feed.sha256,
      fetch_status: feed.fetch_status,
      rows_read: feed.rows_read,
      accepted: feed.valid - duplicates,
      rejected: feed.rejected,
      duplicates,
      industry_code_systems: feed.industry_code_systems,
      legacy_sources: feed.legacy_sources,
      address_conflicts: feed.address_conflicts,
    };
  });
  reconcile(plan, inputs, aggregate);
  const twins = await writeParquetTwins(ctx, plan, aggregate.outputs);
  const outputs = [...aggregate.outputs, ...twins].sort((a, b) => (a.key < b.key ? -1 : 1));
  const prefix = snapshotKeys.prefix(plan.as_of, plan.run_id);
  const reasons = failedGates(await gateFigures(ctx, plan, inputs, prefix), ctx.config.gates);
  const manifest: Manifest = {
    schema_version: MANIFEST_SCHEMA_VERSION,
    as_of: plan.as_of,
    run_id: plan.run_id,
    rule_set_id: plan.rule_set_id,
    code_version: plan.code_version,
    partitions: plan.partitions,
    previous: plan.previous ? { as_of: plan.previous.as_of, run_id: plan.previous.run_id } : null,
    inputs,
    outputs,
    created_at: new Date().toISOString(),
    ...(reasons.length > 0 ? { held: { reasons } } : {}),
  };
  const manifestKey = snapshotKeys.manifest(plan.as_of, plan.run_id);
  await ctx.store.put(manifestKey, `${JSON.stringify(manifest, null, 2)}\n`, {
    contentType: 'application/json',
  });
  const pointer: SnapshotPointer = { as_of: plan.as_of, run_id: plan.run_id, prefix };
  // A held snapshot keeps its files and manifest but moves no pointer: readers never see it.
  const becameLatest = manifest.held ? false : await movePointers(ctx, pointer);
  await removeWork(ctx, plan);
  ctx.logger.info(
    {
      stage: 'publish',
      asOf: plan.as_of,
      runId: plan.run_id,
      outputs: outputs.length,
      becameLatest,
      held: manifest.held ? manifest.held.reasons.map((r) => r.gate).join(',') : undefined,
    },
    manifest.held ? 'snapshot held by a publish gate' : 'snapshot published',
  );
  return {
    as_of: plan.as_of,
    run_id: plan.run_id,
    prefix,
    manifest_key: manifestKey,
    became_latest: becameLatest,
    held: manifest.held ?? null,
  };
}

/** `current.json` of the date, then `latest.json` when no newer date is latest; true when it became latest. */
export async function movePointers(ctx: PipelineContext, pointer: SnapshotPointer): Promise<boolean> {
  await ctx.store.put(snapshotKeys.current(pointer.as_of), `${JSON.stringify(pointer, null, 2)}\n`, {
    contentType: 'application/json',
  });
  const latest = await readLatest(ctx.store);
  const becameLatest = !latest || latest.as_of <= pointer.as_of;
  if (becameLatest)
    await ctx.store.put(snapshotKeys.latest, `${JSON.stringify(pointer, null, 2)}\n`, {
      contentType: 'application/json',
    });
  return becameLatest;
}

/** `rows_read = accepted + rejected + duplicates` per feed, and the partitions hold exactly the accepted rows. */
function reconcile(plan: RunPlan, inputs: Manifest['inputs'], aggregate: AggregateResult): void {
  for (const input of inputs) {
    if (input.rows_read !== input.accepted + input.rejected + input.duplicates || input.accepted < 0) {
      throw new DteError('rows do not reconcile: rows_read != accepted + rejected + duplicates', {
        feed: input.feed_id,
        asOf: plan.as_of,
        rowsRead: input.rows_read,
        accepted: input.accepted,
        rejected: input.rejected,
        duplicates: input.duplicates,
      });
    }
  }
  const accepted = inputs.reduce((sum, i) => sum + i.accepted, 0);
  const stored = aggregate.outputs
    .filter((o) => o.key.startsWith('enterprises/'))
    .reduce((sum, o) => sum + o.rows, 0);
  if (accepted !== stored) {
    throw new DteError(
      'rows do not reconcile: partitions hold a different number of records than were accepted',
      {
        asOf: plan.as_of,
        accepted,
        stored,
      },
    );
  }
}

/** Intermediate objects are only needed until the snapshot exists; failures here never fail a run. */
export async function removeWork(ctx: PipelineContext, plan: RunPlan): Promise<void> {
  const prefixes = [workKeys.runPrefix(plan.run_id), ...plan.feeds.map((f) => f.staging_prefix)];
  try {
    for (const prefix of prefixes)
      for await (const info of ctx.store.list(prefix)) await ctx.store.delete(info.key);
  } catch (error) {
    ctx.logger.warn({ err: error, asOf: plan.as_of, runId: plan.run_id }, 'could not remove work files');
  }
}
