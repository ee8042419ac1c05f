import { CronExpressionParser } from 'cron-parser';
import { UsageError } from '../domain/errors.js';
import type { FeedConfig } from './schema.js';

/** The time zone every feed's cron is read in (README: schedule, Vietnam time). */
export const SCHEDULE_TZ = 'Asia/Ho_Chi_Minh';

/** Checks each feed's cron with the parser BullMQ uses, so a bad one fails at load, naming the feed. */
export function checkSchedules(feeds: readonly FeedConfig[], file: string): void {
  feeds.forEach((feed, i) => {
    try {
      CronExpressionParser.parse(feed.schedule, { tz: SCHEDULE_TZ });
    } catch (error) {
      throw new UsageError(
        `invalid config ${file}: feeds.${i}.schedule of feed ${feed.id}: ${JSON.stringify(feed.schedule)} is not a cron expression (${(error as Error).message})`,
        { feed: feed.id, file },
      );
    }
  });
}
