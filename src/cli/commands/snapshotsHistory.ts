import type { Command } from 'commander';
import { loadConfig } from '../../config/load.js';
import { UsageError } from '../../domain/errors.js';
import { type HistoryTableName, ofUnit, readHistory } from '../../history/index.js';
import { openStore } from '../../store/openStore.js';
import { textTable } from '../textTable.js';

interface HistoryOptions {
  config?: string;
  store?: string;
  province?: string;
  legacy?: boolean;
  targets?: boolean;
  json?: boolean;
}

/** The columns a terminal shows of each history (`--json` gives every column). */
const SHOWN: Record<HistoryTableName, string[]> = {
  provinces: [
    'as_of',
    'code',
    'name',
    'enterprises_active',
    'dte_active',
    'dte_share_pct',
    'dte_per_1000_people',
  ],
  legacy_provinces: [
    'as_of',
    'code',
    'name',
    'successor_code',
    'enterprises_active',
    'dte_active',
    'coverage_pct',
  ],
  targets: ['as_of', 'target_id', 'unit_code', 'metric', 'actual', 'expected', 'gap_pct', 'status'],
};

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
    .action(async (options: HistoryOptions) => {
      if (options.legacy && options.targets) throw new UsageError('give --legacy or --targets, not both');
      if (options.province !== undefined && !/^(\d{2}|VN)$/.test(options.province))
        throw new UsageError('--province takes a two-digit code or VN', { province: options.province });
      const name: HistoryTableName = options.targets
        ? 'targets'
        : options.legacy
          ? 'legacy_provinces'
          : 'provinces';
      const loaded = loadConfig(options.config);
      const store = await openStore(options.store ?? loaded.config.store);
      try {
        const rows = ofUnit(await readHistory(store, name), options.province);
        if (options.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        else
          process.stdout.write(
            textTable(
              SHOWN[name],
              rows.map((r) => SHOWN[name].map((c) => r[c] ?? null)),
            ),
          );
      } finally {
        await store.close();
      }
    });
}
