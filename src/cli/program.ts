import { Command } from 'commander';
import { registerRunCommand } from './commands/run.js';
import { registerSnapshotsCommands } from './commands/snapshots.js';

export function buildProgram(): Command {
  const program = new Command()
    .name('dte')
    .description('Digital technology enterprise pipeline: ingest registry exports, classify, aggregate, publish, alert')
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  registerRunCommand(program);
  registerSnapshotsCommands(program);
  return program;
}
