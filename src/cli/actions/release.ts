import { createContext } from '../../context/createContext.js';
import { inlineDeliveries } from '../../runners/inlineDeliveries.js';
import { afterPublish } from '../../stages/afterPublish.js';
import { releaseHeld } from '../../stages/release.js';
import { parseAsOf } from '../../time/asOf.js';
import { loadCommandConfig } from '../loadCommandConfig.js';
import { operatorName } from '../operator.js';

export interface ReleaseOptions {
  config?: string;
  store?: string;
  reason: string;
  runId?: string;
  json?: boolean;
}

export async function releaseAction(date: string, options: ReleaseOptions): Promise<void> {
  const loaded = loadCommandConfig(options, 'run');
  const ctx = await createContext(loaded);
  try {
    const released = await releaseHeld(ctx, {
      as_of: parseAsOf(date, 'date'),
      reason: options.reason,
      by: operatorName(),
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
}
