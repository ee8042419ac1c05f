import type { Command } from 'commander';
import { listSchedules, removeSchedule, syncSchedules } from '../../../jobs/schedules.js';
import { NotFoundError } from '../../domain/errors.js';
import { withRuntime } from './runtime.js';

export function registerScheduleCommands(program: Command): void {
  const schedule = program
    .command('schedule')
    .description('BullMQ job schedulers, one per enabled feed (cron in Asia/Ho_Chi_Minh)');
  schedule
    .command('sync')
    .description('make the schedulers match the config (idempotent)')
    .option('--config <file>', 'config file (YAML or JSON); default $DTE_CONFIG')
    .option('--json', 'print the outcome as JSON')
    .action(async (options: { config?: string; json?: boolean }) => {
      await withRuntime(options.config, async (runtime, loaded) => {
        const result = await syncSchedules(runtime, loaded.config);
        if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else
          process.stdout.write(
            `upserted: ${result.upserted.join(', ') || '(none)'}\nremoved: ${result.removed.join(', ') || '(none)'}\n`,
          );
      });
    });
  schedule
    .command('list')
    .description('the schedulers with their next run')
    .option('--config <file>', 'config file (YAML or JSON); default $DTE_CONFIG')
    .option('--json', 'print as JSON')
    .action(async (options: { config?: string; json?: boolean }) => {
      await withRuntime(options.config, async (runtime) => {
        const list = await listSchedules(runtime);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
          return;
        }
        if (list.length === 0) process.stdout.write('no schedulers: run `dte schedule sync`\n');
        for (const s of list)
          process.stdout.write(`${s.id}\t${s.pattern} (${s.tz})\tnext ${s.next ?? '-'}\n`);
      });
    });
  schedule
    .command('remove <id>')
    .description('remove one scheduler (by scheduler id or feed id)')
    .option('--config <file>', 'config file (YAML or JSON); default $DTE_CONFIG')
    .action(async (id: string, options: { config?: string }) => {
      await withRuntime(options.config, async (runtime) => {
        if (!(await removeSchedule(runtime, id)))
          throw new NotFoundError(`no scheduler ${id}`, { scheduler: id });
        process.stdout.write(`removed ${id}\n`);
      });
    });
}
