import { Command } from 'commander';
import { codeVersion } from '../package/codeVersion.js';
import { registerAlertsCommands } from './commands/alerts.js';
import { registerEnqueueCommands } from './commands/enqueue.js';
import { registerGcCommand } from './commands/gc.js';
import { registerOpsCommands } from './commands/ops.js';
import { registerRunCommand } from './commands/run.js';
import { registerRunsCommands } from './commands/runs.js';
import { registerScheduleCommands } from './commands/schedule.js';
import { registerServeCommand } from './commands/serve.js';
import { registerSnapshotsCommands } from './commands/snapshots.js';
import { registerSqlCommand } from './commands/sql.js';
import { registerWorkerCommand } from './commands/worker.js';

export function buildProgram(): Command {
  const program = new Command()
    .name('dte')
    .description(
      'Digital technology enterprise pipeline: ingest registry exports, classify, aggregate, publish, alert',
    )
    .version(codeVersion().split('@').at(-1) ?? '', '-V, --version', 'print the version')
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  registerRunCommand(program);
  registerSnapshotsCommands(program);
  registerWorkerCommand(program);
  registerEnqueueCommands(program);
  registerScheduleCommands(program);
  registerAlertsCommands(program);
  registerServeCommand(program);
  registerRunsCommands(program);
  registerSqlCommand(program);
  registerGcCommand(program);
  registerOpsCommands(program);
  return program;
}
