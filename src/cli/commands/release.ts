import type { Command } from 'commander';
import type { ReleaseOptions } from '../actions/release.js';

/** `dte snapshots release D --reason TEXT`: a held snapshot becomes published, then its after-publish sequence runs. */
export function registerReleaseCommand(snapshots: Command): void {
  snapshots
    .command('release <date>')
    .description('publish a snapshot a gate held: record the reason, move current/latest, evaluate alerts')
    .requiredOption('--reason <text>', 'why the held figures are right (recorded in the manifest)')
    .option('--run-id <id>', 'which held run of the date (default: the newest)')
    .option('--config <file>', 'config file (default $DTE_CONFIG)')
    .option('--store <url>', 'object store URL (default $DTE_STORE or the config)')
    .option('--json', 'print JSON')
    .action(async (date: string, options: ReleaseOptions) =>
      (await import('../actions/release.js')).releaseAction(date, options),
    );
}
