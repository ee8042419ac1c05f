import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { loadConfig } from '../../config/load.js';
import { createContext } from '../../context/createContext.js';
import { inlineDeliveries } from '../../runners/inlineDeliveries.js';
import { afterPublish } from '../../stages/afterPublish.js';
import { releaseHeld } from '../../stages/release.js';
import { parseAsOf } from '../../time/asOf.js';

interface ReleaseOptions {
  config?: string;
  store?: string;
  reason: string;
  runId?: string;
  json?: boolean;
}

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
    .action(async (date: string, options: ReleaseOptions) => {
      const loaded = loadConfig(options.config);
      if (options.store) loaded.config.store = options.store;
      const ctx = await createContext(loaded);
      try {
        const released = await releaseHeld(ctx, {
          as_of: parseAsOf(date, 'date'),
          reason: options.reason,
          by: process.env.DTE_OPERATOR ?? userInfo().username,
          ...(options.runId ? { run_id: options.runId } : {}),
        });
        const after = await afterPublish(ctx, released.as_of, inlineDeliveries, released.run_id);
        const result = { ...released, after_publish: after };
        process.stdout.write(
          options.json
            ? `${JSON.stringify(result, null, 2)}\n`
            : `released ${released.as_of} run ${released.run_id}${released.became_latest ? ' (now latest)' : ''}: ${after.notifications} notifications\n`,
        );
      } finally {
        await ctx.store.close();
      }
    });
}
