export { categoryName } from './categories.js';
export { column, countColumn, decimalColumn, textColumn } from './column.js';
export { indicatorColumns, populationColumns } from './indicatorColumns.js';
export { dataDictionaryCsv, snapshotReadme } from './render.js';
export {
  communesColumns,
  dictionaryColumns,
  dteEnterprisesColumns,
  type FeedColumns,
  legacyProvincesColumns,
  provincesColumns,
  rejectsColumns,
  rejectsSummaryColumns,
  snapshotFileDefs,
} from './tables.js';
export { COLUMN_TYPES, type ColumnDef, type ColumnType, type FileDef } from './types.js';
export { unitVi } from './units.js';
