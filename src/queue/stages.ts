/**
 * One queue per stage, named after it. `trigger` receives the schedulers' jobs, `plan` decides a run
 * once its ingests are done; the rest follow `spec/operations.md` ("Schedules and the distributed runtime").
 */
export const STAGES = [
  'trigger',
  'ingest',
  'plan',
  'classify',
  'aggregate',
  'publish',
  'alerts',
  'deliver',
] as const;
export type Stage = (typeof STAGES)[number];
