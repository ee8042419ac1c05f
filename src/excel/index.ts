export { cellOf, numFmtOf } from './cells.js';
export { headerVi } from './headers.js';
export { type SnapshotTables, snapshotSheets } from './snapshotSheets.js';
export { type SheetSpec, type WorkbookSpec, writeSnapshotWorkbook } from './workbook.js';
export { fixZipDatesOfFile, ZipLayoutError } from './zipDates.js';
