import { DteError } from '../domain/errors.js';
import { fetchFile } from './file.js';
import { fetchHttp } from './http.js';
import { sourceSchema } from './schema.js';
import type { FetchContext, FetchedSource } from './types.js';

export { type SourceConfig, sourceSchema } from './schema.js';
export type { FetchContext, FetchedSource } from './types.js';

/** Fetches a feed's export from where its config says, archiving the exact bytes under `raw/`. */
export async function fetchSource(
  source: Record<string, unknown>,
  ctx: FetchContext,
): Promise<FetchedSource> {
  const parsed = sourceSchema.safeParse(source);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `source.${i.path.join('.')}: ${i.message}`).join('; ');
    throw new DteError(`feed ${ctx.feedId} has an invalid source: ${issues}`, { feed: ctx.feedId });
  }
  const config = parsed.data;
  switch (config.type) {
    case 'file':
      return fetchFile(config, ctx);
    case 'http':
      return fetchHttp(config, ctx);
    case 's3': {
      // The AWS SDK only where it is used: loading it took 185 ms of CPU and 8 MB of heap in every
      // process, and a larger heap is marked again at every full collection of an inline run.
      const { fetchS3 } = await import('./s3.js');
      return fetchS3(config, ctx);
    }
  }
}
