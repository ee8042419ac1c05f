import { listSchedules, removeSchedule, syncSchedules } from '../../../jobs/schedules.js';
import { NotFoundError } from '../../domain/errors.js';
import { withRuntime } from './runtime.js';

export interface ScheduleOptions {
  config?: string;
  json?: boolean;
}

const printJson = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/** `dte schedule sync`: the schedulers made to match the config. */
export async function scheduleSyncAction(options: ScheduleOptions): Promise<void> {
  await withRuntime(options.config, async (runtime, loaded) => {
    const result = await syncSchedules(runtime, loaded.config);
    if (options.json) printJson(result);
    else
      process.stdout.write(
        `upserted: ${result.upserted.join(', ') || '(none)'}\nremoved: ${result.removed.join(', ') || '(none)'}\n`,
      );
  });
}

/** `dte schedule list`: the schedulers with their next run. */
export async function scheduleListAction(options: ScheduleOptions): Promise<void> {
  await withRuntime(options.config, async (runtime) => {
    const list = await listSchedules(runtime);
    if (options.json) {
      printJson(list);
      return;
    }
    if (list.length === 0) process.stdout.write('no schedulers: run `dte schedule sync`\n');
    for (const s of list) process.stdout.write(`${s.id}\t${s.pattern} (${s.tz})\tnext ${s.next ?? '-'}\n`);
  });
}

/** `dte schedule remove`: one scheduler, by scheduler id or feed id. */
export async function scheduleRemoveAction(id: string, options: ScheduleOptions): Promise<void> {
  await withRuntime(options.config, async (runtime) => {
    if (!(await removeSchedule(runtime, id)))
      throw new NotFoundError(`no scheduler ${id}`, { scheduler: id });
    if (options.json) printJson({ removed: id });
    else process.stdout.write(`removed ${id}\n`);
  });
}
