import { evaluateAlerts, planDeliveries } from '../alerts/index.js';
import type { PipelineContext } from '../context/context.js';
import { isHeld, readRunManifest } from '../snapshot/catalog.js';
import type { Delivery } from './deliver.js';
import { writeHistory } from './history.js';
import { inStage } from './inStage.js';
import { sendOpsNotification } from './opsNotification.js';

/** How a runner carries deliveries out: in this process with retries, or as BullMQ jobs. */
export interface DeliveryDispatcher {
  dispatch(ctx: PipelineContext, deliveries: Delivery[]): Promise<DispatchSummary>;
}

export interface DispatchSummary {
  /** Sent now or before (inline), or put on the deliver queue (BullMQ). */
  dispatched: number;
  /** Exhausted their attempts (inline only: on BullMQ they fail later, as jobs). */
  failed: Array<{ id: string; channel: string; destination: string; error: string }>;
}

export interface AfterPublishOutcome {
  as_of: string;
  /** The run was held by a publish gate: ops were told, no target was evaluated. */
  held: boolean;
  evaluations: number;
  notifications: number;
  deliveries: DispatchSummary;
  /** The `history/` files rewritten over every published snapshot. */
  history: number;
}

interface StepState {
  asOf: string;
  /** The run that was just published or held; absent when only the date is known (older callers). */
  runId?: string;
  deliveries: Delivery[];
  outcome: AfterPublishOutcome;
}

type Step = (ctx: PipelineContext, state: StepState, dispatcher: DeliveryDispatcher) => Promise<void>;

/**
 * What follows a published date, in this order, in both runners (the BullMQ `alerts` job and the
 * inline runner both call `afterPublish`): tell ops of a held run (and stop there), evaluate the
 * targets, deliver what they notify, then rewrite the history tables (last: a history that cannot be
 * written must not hold back an alert).
 */
export const AFTER_PUBLISH: ReadonlyArray<{ name: string; run: Step }> = [
  {
    name: 'held',
    run: async (ctx, state) => {
      const manifest = state.runId ? await readRunManifest(ctx.store, state.asOf, state.runId) : null;
      if (!manifest?.held || !isHeld(manifest)) return;
      state.outcome.held = true;
      await sendOpsNotification(ctx, {
        kind: 'snapshot_held',
        as_of: state.asOf,
        subject: manifest.run_id,
        detail: `${manifest.held.reasons.map((r) => r.detail).join('; ')}; release with: dte snapshots release ${state.asOf} --reason …`,
        facts: { gates: manifest.held.reasons.map((r) => r.gate).join(',') },
      });
    },
  },
  {
    name: 'alerts',
    run: async (ctx, state) => {
      // A held snapshot is not what leadership reads: its figures must not move any plan alert.
      if (state.outcome.held) return;
      const evaluated = await evaluateAlerts(ctx, { as_of: state.asOf });
      state.outcome.evaluations = evaluated.evaluations.length;
      state.outcome.notifications = evaluated.notifications.length;
      state.deliveries = planDeliveries(ctx, evaluated.notifications);
    },
  },
  {
    name: 'deliver',
    run: async (ctx, state, dispatcher) => {
      state.outcome.deliveries = await dispatcher.dispatch(ctx, state.deliveries);
    },
  },
  {
    name: 'history',
    run: async (ctx, state) => {
      // The history is of published snapshots only; a held one changes nothing in it.
      if (state.outcome.held) return;
      state.outcome.history = (await writeHistory(ctx)).length;
    },
  },
];

/** Runs every step of `AFTER_PUBLISH` for a date that is published or held (now or before). */
export async function afterPublish(
  ctx: PipelineContext,
  asOf: string,
  dispatcher: DeliveryDispatcher,
  runId?: string,
): Promise<AfterPublishOutcome> {
  const state: StepState = {
    asOf,
    ...(runId ? { runId } : {}),
    deliveries: [],
    outcome: {
      as_of: asOf,
      held: false,
      evaluations: 0,
      notifications: 0,
      deliveries: { dispatched: 0, failed: [] },
      history: 0,
    },
  };
  await inStage({ stage: 'alerts', asOf, ...(runId ? { runId } : {}) }, async () => {
    for (const step of AFTER_PUBLISH) await step.run(ctx, state, dispatcher);
  });
  return state.outcome;
}
