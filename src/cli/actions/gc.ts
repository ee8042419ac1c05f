import { createContext } from '../../context/createContext.js';
import { UsageError } from '../../domain/errors.js';
import { collectGarbage } from '../../runners/gc.js';
import { loadCommandConfig } from '../loadCommandConfig.js';

export interface GcCommandOptions {
  config?: string;
  store?: string;
  minAgeHours: string;
  json?: boolean;
}

export async function gcAction(options: GcCommandOptions): Promise<void> {
  const hours = Number(options.minAgeHours);
  if (!Number.isFinite(hours) || hours < 0) throw new UsageError('--min-age-hours must be a number ≥ 0');
  const loaded = loadCommandConfig(options, 'store');
  const ctx = await createContext(loaded);
  try {
    const result = await collectGarbage(ctx, { minAgeMs: hours * 3600 * 1000 });
    process.stdout.write(
      options.json
        ? `${JSON.stringify(result, null, 2)}\n`
        : `removed ${result.temp_files} temp files (${result.temp_bytes} bytes) and ${result.work_objects} work objects (${result.work_bytes} bytes)${result.running.length > 0 ? `; left alone, running: ${result.running.join(', ')}` : ''}\n`,
    );
  } finally {
    await ctx.store.close();
  }
}
