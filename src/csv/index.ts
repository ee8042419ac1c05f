export { CSV_BOM, type CsvValue, csvCell, csvLine } from './cell.js';
export { communeCount, communesCsv, communesJson } from './communes.js';
export { type DteLineLead, dteEnterpriseLine, dteEnterprisesHeader, dteLineOrder } from './dteList.js';
export {
  legacyProvincesCsv,
  legacyProvincesJson,
  provincesCsv,
  provincesJson,
  type TableMeta,
} from './provinces.js';
export {
  EXTRA_CELLS,
  REJECT_LEAD,
  type RejectsTable,
  rejectColumns,
  rejectLine,
  rejectsHeader,
} from './rejects.js';
export {
  type FeedReasons,
  reasonRows,
  rejectsSummaryCsv,
  rejectsSummaryRows,
  type SummaryRow,
} from './rejectsSummary.js';
export { csvTextLines } from './textLines.js';
export { wholeLines } from './wholeLines.js';
