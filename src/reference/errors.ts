import { DteError } from '../domain/errors.js';

/** A reference data file of the package is not as its loader expects: the package is broken. */
export class ReferenceDataError extends DteError {}
