import type { PipelineContext } from '../pipeline/context.js';

/** Placeholder until the alerts stage lands: says so in its log line. */
export async function runAlertsInline(ctx: PipelineContext, asOf: string): Promise<null> {
  ctx.logger.info({ stage: 'alerts', asOf }, 'alerts stage placeholder: alert evaluation not built yet');
  return null;
}
