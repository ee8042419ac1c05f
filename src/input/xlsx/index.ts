export { isZip, sniffWorkbook } from './detect.js';
export { WorkbookRejectedError } from './errors.js';
export { SHARED_STRINGS_IN_MEMORY, SharedStrings } from './sharedStrings.js';
export { readWorkbookBatches } from './sheetBatches.js';
