import type { Command } from 'commander';
import { loadConfig } from '../../config/load.js';
import { createContext } from '../../context/createContext.js';
import { UsageError } from '../../domain/errors.js';
import { collectGarbage } from '../../runners/gc.js';

interface GcCommandOptions {
  config?: string;
  store?: string;
  minAgeHours: string;
  json?: boolean;
}

/** `dte gc`: removes the `.tmp-` files and staged work that dead runs left in the store. */
export function registerGcCommand(program: Command): void {
  program
    .command('gc')
    .description('remove temp files and staged work left by dead runs (never a published or held snapshot)')
    .option('--config <file>', 'config file (default $DTE_CONFIG)')
    .option('--store <url>', 'object store URL (default $DTE_STORE or the config)')
    .option(
      '--min-age-hours <n>',
      'leave objects younger than this (a run elsewhere may be writing them)',
      '6',
    )
    .option('--json', 'print JSON')
    .action(async (options: GcCommandOptions) => {
      const hours = Number(options.minAgeHours);
      if (!Number.isFinite(hours) || hours < 0) throw new UsageError('--min-age-hours must be a number ≥ 0');
      const loaded = loadConfig(options.config);
      if (options.store) loaded.config.store = options.store;
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
    });
}
