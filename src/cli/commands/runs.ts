import type { Command } from 'commander';
import type { ReadOptions, RunsListOptions } from '../actions/runs.js';

const actions = () => import('../actions/runs.js');

export function registerRunsCommands(program: Command): void {
  const runs = program
    .command('runs')
    .description('every run: its stages, duration, rows, error; retry a failed one');
  runs
    .command('list')
    .description('every run, oldest date first, from the store (inline runs) and the queues (distributed)')
    .option('--from <date>', 'only runs of this as-of date and later')
    .option('--config <file>', 'config file (YAML or JSON); default $DTE_CONFIG')
    .option('--no-queues', 'read the store only (no Redis)')
    .option('--json', 'print the runs as JSON')
    .action(async (options: RunsListOptions) => (await actions()).runsListAction(options));
  runs
    .command('show <date>')
    .description("one date's runs with every stage")
    .option('--config <file>', 'config file (YAML or JSON); default $DTE_CONFIG')
    .option('--no-queues', 'read the store only (no Redis)')
    .option('--json', 'print the runs as JSON')
    .action(async (date: string, options: ReadOptions) => (await actions()).runsShowAction(date, options));
  runs
    .command('retry <date>')
    .description(
      'run a failed date again, then the dates that wait for it, in order (inline or on the queues)',
    )
    .option('--config <file>', 'config file (YAML or JSON); default $DTE_CONFIG')
    .option('--json', 'print the outcome as JSON')
    .action(async (date: string, options: { config?: string; json?: boolean }) =>
      (await actions()).runsRetryAction(date, options),
    );
}
