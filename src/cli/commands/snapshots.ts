import type { Command } from 'commander';
import type { StoreOptions } from '../actions/snapshots.js';
import { registerReleaseCommand } from './release.js';
import { registerSnapshotsHistory } from './snapshotsHistory.js';

const actions = () => import('../actions/snapshots.js');

export function registerSnapshotsCommands(program: Command): void {
  const snapshots = program
    .command('snapshots')
    .description('list, inspect and download published snapshots');
  const common = (cmd: Command) =>
    cmd
      .option('--config <file>', 'config file (default $DTE_CONFIG)')
      .option('--store <url>', 'object store URL (default $DTE_STORE or the config)')
      .option('--json', 'print JSON');

  common(snapshots.command('list').description('every published (and held) as-of date, oldest first')).action(
    async (options: StoreOptions) => (await actions()).snapshotsListAction(options),
  );
  common(snapshots.command('show <date>').description("the snapshot's manifest (JSON)")).action(
    async (date: string, options: StoreOptions) => (await actions()).snapshotsShowAction(date, options),
  );
  common(
    snapshots
      .command('get <date> <file>')
      .description('download one file of a snapshot, checked against its sha256')
      .option(
        '--out <path>',
        'where to write it (default: its download name, <as_of>_<file>, in the current folder)',
      ),
  ).action(async (date: string, file: string, options: StoreOptions & { out?: string }) =>
    (await actions()).snapshotsGetAction(date, file, options),
  );
  common(
    snapshots
      .command('url <date> <file>')
      .description('a presigned download URL (S3 stores)')
      .option('--expires <seconds>', 'validity in seconds', '3600'),
  ).action(async (date: string, file: string, options: StoreOptions & { expires: string }) =>
    (await actions()).snapshotsUrlAction(date, file, options),
  );
  registerReleaseCommand(snapshots);
  registerSnapshotsHistory(snapshots);
}
