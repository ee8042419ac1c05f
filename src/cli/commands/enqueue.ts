import { type Command, Option } from 'commander';
import { enqueueRuns } from '../../../jobs/enqueue.js';
import { dateSeries, parseAsOf, yesterdayInVietnam } from '../../time/asOf.js';
import { withRuntime } from './runtime.js';

const collect = (value: string, previous: string[]) => [...previous, value];

function print(
  json: boolean | undefined,
  value: { as_of: string; status: string; then: string[]; feed_ids: string[] },
): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    return;
  }
  const what = value.status === 'added' ? 'enqueued' : 'already queued (nothing added)';
  const rest =
    value.then.length > 0 ? `; then ${value.then.length} more, oldest first, up to ${value.then.at(-1)}` : '';
  process.stdout.write(`${value.as_of} [${value.feed_ids.join(', ')}]: ${what}${rest}\n`);
}

export function registerEnqueueCommands(program: Command): void {
  program
    .command('enqueue')
    .description('put one run on the queues (a run already waiting or active is not added twice)')
    .option('--config <file>', 'config file (YAML or JSON); default $DTE_CONFIG')
    .option('--as-of <date>', 'as-of date yyyy-MM-dd (default: yesterday in Vietnam time)')
    .option('--feed <id>', 'only this feed (repeatable)', collect, [])
    .option('--json', 'print the outcome as JSON')
    .action(async (options: { config?: string; asOf?: string; feed: string[]; json?: boolean }) => {
      const asOf = options.asOf ? parseAsOf(options.asOf) : yesterdayInVietnam();
      await withRuntime(options.config, async (runtime, loaded) => {
        print(options.json, await enqueueRuns(runtime, loaded.config, [asOf], options.feed));
      });
    });

  program
    .command('backfill')
    .description('put a series of runs on the queues; they publish one after the other, oldest first')
    .requiredOption('--from <date>', 'first as-of date')
    .requiredOption('--to <date>', 'last as-of date')
    .addOption(
      new Option('--every <step>', 'step between dates').choices(['day', 'week', 'month']).default('day'),
    )
    .option('--config <file>', 'config file (YAML or JSON); default $DTE_CONFIG')
    .option('--feed <id>', 'only this feed (repeatable)', collect, [])
    .option('--json', 'print the outcome as JSON')
    .action(
      async (options: {
        from: string;
        to: string;
        every: string;
        config?: string;
        feed: string[];
        json?: boolean;
      }) => {
        const dates = dateSeries(options.from, options.to, options.every as 'day' | 'week' | 'month');
        await withRuntime(options.config, async (runtime, loaded) => {
          print(options.json, await enqueueRuns(runtime, loaded.config, dates, options.feed));
        });
      },
    );
}
