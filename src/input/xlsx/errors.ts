import { FileRejectedError } from '../../domain/errors.js';

/** A workbook whose sheet or header cannot be found, or that is no readable `.xlsx`: its feed fails. */
export class WorkbookRejectedError extends FileRejectedError {}
