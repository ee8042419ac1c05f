import type { Command } from 'commander';
import type { WorkerOptions } from '../actions/worker.js';

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run BullMQ workers for every stage until SIGTERM/SIGINT')
    .option('--config <file>', 'config file (YAML or JSON); default $DTE_CONFIG')
    .option('--concurrency <n>', 'jobs per stage at once (default from config: worker.concurrency)')
    .action(async (options: WorkerOptions) => (await import('../actions/worker.js')).workerAction(options));
}
