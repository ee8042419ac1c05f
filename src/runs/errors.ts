import { DteError } from '../domain/errors.js';

/** `dte runs retry D` or `dte backfill --resume` found no failed run to start again. */
export class NothingToRetryError extends DteError {}

/** `dte runs show D` found no run of that date, in the store or on the queues. */
export class NoRunError extends DteError {}
