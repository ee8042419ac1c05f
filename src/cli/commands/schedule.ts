import type { Command } from 'commander';
import type { ScheduleOptions } from '../actions/schedule.js';

const actions = () => import('../actions/schedule.js');

export function registerScheduleCommands(program: Command): void {
  const schedule = program
    .command('schedule')
    .description('BullMQ job schedulers, one per enabled feed (cron in Asia/Ho_Chi_Minh)');
  const common = (c: Command) =>
    c
      .option('--config <file>', 'config file (YAML or JSON); default $DTE_CONFIG')
      .option('--json', 'print as JSON');
  common(schedule.command('sync').description('make the schedulers match the config (idempotent)')).action(
    async (options: ScheduleOptions) => (await actions()).scheduleSyncAction(options),
  );
  common(schedule.command('list').description('the schedulers with their next run')).action(
    async (options: ScheduleOptions) => (await actions()).scheduleListAction(options),
  );
  common(
    schedule.command('remove <id>').description('remove one scheduler (by scheduler id or feed id)'),
  ).action(async (id: string, options: ScheduleOptions) =>
    (await actions()).scheduleRemoveAction(id, options),
  );
}
