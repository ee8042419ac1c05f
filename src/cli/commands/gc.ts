import type { Command } from 'commander';
import type { GcCommandOptions } from '../actions/gc.js';

/** `dte gc`: removes the `.tmp-` files and staged work that dead runs left in the store. */
export function registerGcCommand(program: Command): void {
  program
    .command('gc')
    .description('remove temp files and staged work left by dead runs (never a published or held snapshot)')
    .option('--config <file>', 'config file (default $DTE_CONFIG)')
    .option('--store <url>', 'object store URL (default $DTE_STORE or the config)')
    .option(
      '--min-age-hours <n>',
      'leave objects younger than this (a run elsewhere may be writing them)',
      '6',
    )
    .option('--json', 'print JSON')
    .action(async (options: GcCommandOptions) => (await import('../actions/gc.js')).gcAction(options));
}
