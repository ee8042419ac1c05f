import type { Command } from 'commander';
import type { HealthOptions } from '../actions/health.js';
import type { StoreInitOptions } from '../actions/storeInit.js';

/** Commands a deployment runs for itself: the store made ready at start, health checks that can fail. */
export function registerOpsCommands(program: Command): void {
  program
    .command('store')
    .description('the object store itself')
    .command('init')
    .description("create the store's bucket (S3) or folder (file:) when missing; idempotent")
    .option('--config <file>', 'config file (YAML or JSON); default $DTE_CONFIG')
    .option('--store <url>', 'object store (default $DTE_STORE or the config)')
    .option('--json', 'print as JSON')
    .action(async (options: StoreInitOptions) =>
      (await import('../actions/storeInit.js')).storeInitAction(options),
    );
  program
    .command('health')
    .description('health checks for containers (exit 0 healthy, 1 not)')
    .command('worker')
    .description("this host's worker beat within the last 30 s with every stage running")
    .option('--worker <name>', 'the worker to check (default: this host name)')
    .option('--config <file>', 'config file (YAML or JSON); default $DTE_CONFIG')
    .option('--json', 'print as JSON')
    .action(async (options: HealthOptions) =>
      (await import('../actions/health.js')).healthWorkerAction(options),
    );
}
