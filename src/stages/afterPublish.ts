import { evaluateAlerts, planDeliveries } from '../alerts/index.js';
import type { PipelineContext } from '../context/context.js';
import type { Delivery } from './deliver.js';
import { writeHistory } from './history.js';

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
  evaluations: number;
  notifications: number;
  deliveries: DispatchSummary;
  /** The `history/` files rewritten over every published snapshot. */
  history: number;
}

interface StepState {
  asOf: string;
  deliveries: Delivery[];
  outcome: AfterPublishOutcome;
}

type Step = (ctx: PipelineContext, state: StepState, dispatcher: DeliveryDispatcher) => Promise<void>;

/**
 * What follows a published date, in this order, in both runners (the BullMQ `alerts` job and the
 * inline runner both call `afterPublish`): evaluate the targets, deliver what they notify, then
 * rewrite the history tables (last: a history that cannot be written must not hold back an alert).
 */
export const AFTER_PUBLISH: ReadonlyArray<{ name: string; run: Step }> = [
  {
    name: 'alerts',
    run: async (ctx, state) => {
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
      state.outcome.history = (await writeHistory(ctx)).length;
    },
  },
];

/** Runs every step of `AFTER_PUBLISH` for a date that is published (now or before). */
export async function afterPublish(
  ctx: PipelineContext,
  asOf: string,
  dispatcher: DeliveryDispatcher,
): Promise<AfterPublishOutcome> {
  const state: StepState = {
    asOf,
    deliveries: [],
    outcome: {
      as_of: asOf,
      evaluations: 0,
      notifications: 0,
      deliveries: { dispatched: 0, failed: [] },
      history: 0,
    },
  };
  for (const step of AFTER_PUBLISH) await step.run(ctx, state, dispatcher);
  return state.outcome;
}
