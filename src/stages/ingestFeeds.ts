import type { PipelineContext } from '../context/context.js';
import { decidePublished, publishedFrom } from './decide.js';
import { type FetchedFeed, fetchFeed, type IngestPayload, parseFeed } from './ingest.js';
import type { IngestResult, RunPlan } from './results.js';

/** One feed's ingest: its rows staged, or only its bytes fetched when the date's published run read the same bytes. */
export type FeedIngest = IngestResult | { unparsed: FetchedFeed };

/**
 * Fetches a feed, then parses it unless the date's published run read these very bytes: then the
 * run may well be published already, which only every feed's hash decides (`settleIngests`).
 * The one ingest of both runners (an inline run's loop, a BullMQ ingest job).
 */
export async function ingestUnlessPublished(
  ctx: PipelineContext,
  payload: IngestPayload,
): Promise<FeedIngest> {
  const fetched = await fetchFeed(ctx, payload);
  if (await publishedFrom(ctx, fetched)) return { unparsed: fetched };
  return parseFeed(ctx, fetched);
}

/**
 * Every feed's ingest of a date brought together: the published run's plan when every feed was left
 * unparsed and their hashes give the published run id, else every feed's staged rows, parsing here
 * the ones left unparsed (a feed's bytes were published, another feed's or the settings were not).
 */
export async function settleIngests(
  ctx: PipelineContext,
  asOf: string,
  feeds: readonly FeedIngest[],
): Promise<{ published: RunPlan } | { ingests: IngestResult[] }> {
  const unparsed = feeds.flatMap((f) => ('unparsed' in f ? [f.unparsed] : []));
  if (feeds.length > 0 && unparsed.length === feeds.length) {
    const published = await decidePublished(ctx, asOf, unparsed);
    if (published) return { published };
  }
  const ingests: IngestResult[] = [];
  for (const f of feeds) ingests.push('unparsed' in f ? await parseFeed(ctx, f.unparsed) : f);
  return { ingests };
}
