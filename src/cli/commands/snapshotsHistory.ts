import type { Command } from 'commander';
import type { HistoryOptions } from '../actions/snapshotsHistory.js';

/** `dte snapshots history`: the published history of the provinces, old provinces or targets. */
export function registerSnapshotsHistory(snapshots: Command): void {
  snapshots
    .command('history')
    .description('one row per published as-of date and province (or old province, or target)')
    .option('--config <file>', 'config file (default $DTE_CONFIG)')
    .option('--store <url>', 'object store URL (default $DTE_STORE or the config)')
    .option(
      '--province <code>',
      'only this unit (a province code, VN, or with --targets the unit of a target)',
    )
    .option('--legacy', 'the 63 pre-2025 provinces')
    .option('--targets', 'the plan targets')
    .option('--json', 'print JSON: every column, values typed')
    .action(async (options: HistoryOptions) =>
      (await import('../actions/snapshotsHistory.js')).snapshotsHistoryAction(options),
    );
}
