import { type Command, Option } from 'commander';
import type { BackfillOptions, EnqueueOptions } from '../actions/enqueue.js';
import { collect } from './collect.js';

const actions = () => import('../actions/enqueue.js');

export function registerEnqueueCommands(program: Command): void {
  program
    .command('enqueue')
    .description('put one run on the queues (a run already waiting or active is not added twice)')
    .option('--config <file>', 'config file (YAML or JSON); default $DTE_CONFIG')
    .option('--as-of <date>', 'as-of date yyyy-MM-dd (default: yesterday in Vietnam time)')
    .option('--feed <id>', 'only this feed (repeatable)', collect, [])
    .option('--json', 'print the outcome as JSON')
    .action(async (options: EnqueueOptions) => (await actions()).enqueueAction(options));

  program
    .command('backfill')
    .description('put a series of runs on the queues; they publish one after the other, oldest first')
    .option('--from <date>', 'first as-of date')
    .option('--to <date>', 'last as-of date')
    .addOption(
      new Option('--every <step>', 'step between dates').choices(['day', 'week', 'month']).default('day'),
    )
    .option('--config <file>', 'config file (YAML or JSON); default $DTE_CONFIG')
    .option('--feed <id>', 'only this feed (repeatable)', collect, [])
    .option('--inline', 'run the series in this process (no Redis); a failed date makes the rest wait')
    .option('--resume', 'retry the oldest failed date that later dates wait for, then them in order')
    .option('--json', 'print the outcome as JSON')
    .action(async (options: BackfillOptions) => (await actions()).backfillAction(options));
}
