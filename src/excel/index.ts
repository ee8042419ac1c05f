export { cellOf, numFmtOf } from './cells.js';
export { headerVi } from './headers.js';
export { type SnapshotTables, snapshotSheets } from './snapshotSheets.js';
export { type SheetSpec, snapshotWorkbook, type WorkbookSpec } from './workbook.js';
export { fixZipDates, ZipLayoutError } from './zipDates.js';
