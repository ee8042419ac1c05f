import { DteError } from '../domain/errors.js';
import { fetchFile } from './file.js';
import { fetchHttp } from './http.js';
import { fetchS3 } from './s3.js';
import { sourceSchema } from './schema.js';
import type { FetchContext, FetchedSource } from './types.js';

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
    case 's3':
      return fetchS3(config, ctx);
  }
}
