export { DEMO_DATES, writeDemoSeries } from './demo.js';
export { type ExportOptions, writeExport } from './export.js';
export type { ExportFormat } from './formats.js';
export { TITLE_ROWS, type WorkbookExportOptions, writeWorkbookFromCsv } from './workbook.js';
