import { type Command, Option } from 'commander';
import { FEED_FORMATS } from '../../config/schema.js';
import { INDUSTRY_CODES_SETTINGS } from '../../domain/record.js';
import type { RunOptions } from '../actions/run.js';
import { collect } from './collect.js';

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('run the whole pipeline once, in this process (no Redis needed)')
    .option('--config <file>', 'config file (YAML or JSON); default $DTE_CONFIG')
    .option('--as-of <date>', 'as-of date yyyy-MM-dd (default: yesterday in Vietnam time)')
    .option('--feed <id>', 'run only this configured feed (repeatable)', collect, [])
    .option('--input <file>', 'ad-hoc input file instead of configured feeds (repeatable)', collect, [])
    .addOption(new Option('--format <format>', 'format of --input files').choices(FEED_FORMATS))
    .option(
      '--store <url>',
      'object store: file:DIR or s3://bucket/prefix (default $DTE_STORE or the config)',
    )
    .addOption(
      new Option('--industry-codes <system>', 'industry codes of --input files')
        .choices(INDUSTRY_CODES_SETTINGS)
        .default('auto'),
    )
    .option('--partitions <n>', 'partitions of the run (default from config: 16)')
    .option('--feed-id <id>', 'feed id of a single --input file (default: from the file name)')
    .option('--sheet <name>', 'sheet of --input workbooks (default: the first with the header)')
    .option('--header-row <n>', 'header row of --input workbooks (default: found by its names)')
    .option('--json', 'print the outcome as JSON')
    .action(async (options: RunOptions) => (await import('../actions/run.js')).runAction(options));
}
