import type { PipelineContext } from '../context/context.js';
import { NotFoundError, UsageError } from '../domain/errors.js';
import { listHeld } from '../snapshot/catalog.js';
import { snapshotKeys } from '../snapshot/layout.js';
import type { Manifest } from '../snapshot/manifest.js';
import { movePointers } from './publish.js';

export interface ReleaseRequest {
  as_of: string;
  reason: string;
  /** Who releases (`DTE_OPERATOR` or the OS user on the CLI). */
  by: string;
  /** Which held run of the date, when it has several; default the newest. */
  run_id?: string;
}

export interface ReleaseResult {
  as_of: string;
  run_id: string;
  became_latest: boolean;
  release: NonNullable<Manifest['release']>;
}

/**
 * An operator's decision that a held snapshot is right after all: the reason is recorded in its
 * manifest (so the decision travels with the files), then its pointers move as a publish would.
 */
export async function releaseHeld(ctx: PipelineContext, request: ReleaseRequest): Promise<ReleaseResult> {
  if (request.reason.trim() === '')
    throw new UsageError('a release needs a --reason', { asOf: request.as_of });
  const held = (await listHeld(ctx.store, request.as_of)).filter(
    (m) => !request.run_id || m.run_id === request.run_id,
  );
  const manifest = held.at(-1);
  if (!manifest)
    throw new NotFoundError(`no held snapshot for ${request.as_of} in ${ctx.store.url}`, {
      asOf: request.as_of,
      runId: request.run_id,
    });
  const release = { reason: request.reason.trim(), by: request.by, at: new Date().toISOString() };
  const released: Manifest = { ...manifest, release };
  await ctx.store.put(
    snapshotKeys.manifest(manifest.as_of, manifest.run_id),
    `${JSON.stringify(released, null, 2)}\n`,
    { contentType: 'application/json' },
  );
  const pointer = {
    as_of: manifest.as_of,
    run_id: manifest.run_id,
    prefix: snapshotKeys.prefix(manifest.as_of, manifest.run_id),
  };
  const becameLatest = await movePointers(ctx, pointer);
  ctx.logger.info(
    { asOf: manifest.as_of, runId: manifest.run_id, by: release.by, becameLatest },
    'held snapshot released',
  );
  return { as_of: manifest.as_of, run_id: manifest.run_id, became_latest: becameLatest, release };
}
