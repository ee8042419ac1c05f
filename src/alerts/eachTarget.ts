import type { PipelineContext } from '../context/context.js';
import { listPublished } from '../snapshot/catalog.js';
import type { SnapshotPointer } from '../snapshot/manifest.js';
import { loadTargets, targetsPath } from '../targets/load.js';
import type { Target } from '../targets/schema.js';

/** `fn` for every target of the config's targets file, in the file's order, over the published dates. */
export async function mapTargets<T>(
  ctx: PipelineContext,
  fn: (target: Target, published: readonly SnapshotPointer[]) => Promise<T>,
): Promise<T[]> {
  const { targets } = loadTargets(targetsPath(ctx.config.targets, ctx.baseDir));
  const published = await listPublished(ctx.store);
  const out: T[] = [];
  for (const target of targets) out.push(await fn(target, published));
  return out;
}
