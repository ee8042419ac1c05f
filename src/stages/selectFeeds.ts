import type { FeedConfig } from '../config/schema.js';
import { UsageError } from '../domain/errors.js';

/** The feeds a run covers: the named ones (even if disabled), else every enabled feed. */
export function selectFeeds(all: readonly FeedConfig[], ids?: readonly string[]): FeedConfig[] {
  if (ids && ids.length > 0) {
    return ids.map((id) => {
      const feed = all.find((f) => f.id === id);
      if (!feed)
        throw new UsageError(
          `unknown feed ${id}; configured: ${all.map((f) => f.id).join(', ') || '(none)'}`,
          { feed: id },
        );
      return feed;
    });
  }
  const enabled = all.filter((f) => f.enabled);
  if (enabled.length === 0)
    throw new UsageError('no enabled feeds: configure feeds or pass --input FILE --format FMT');
  return [...enabled].sort((a, b) => a.id.localeCompare(b.id));
}
