import { UsageError } from '../../domain/errors.js';
import { type HistoryTableName, ofUnit, readHistory } from '../../history/index.js';
import { openStore } from '../../store/openStore.js';
import { loadCommandConfig } from '../loadCommandConfig.js';
import { textTable } from '../textTable.js';

export interface HistoryOptions {
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

export async function snapshotsHistoryAction(options: HistoryOptions): Promise<void> {
  if (options.legacy && options.targets) throw new UsageError('give --legacy or --targets, not both');
  if (options.province !== undefined && !/^(\d{2}|VN)$/.test(options.province))
    throw new UsageError('--province takes a two-digit code or VN', { province: options.province });
  const name: HistoryTableName = options.targets
    ? 'targets'
    : options.legacy
      ? 'legacy_provinces'
      : 'provinces';
  const loaded = loadCommandConfig(options, 'store');
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
}
