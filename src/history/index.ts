export {
  type HistoryTableName,
  type HistoryUnits,
  historyColumnsOf,
  indicatorHistoryColumns,
  targetHistoryColumns,
} from './columns.js';
export { indicatorHistory } from './indicatorHistory.js';
export { HistoryFileError, type HistoryRow, type HistoryValue, ofUnit, readHistory } from './readHistory.js';
export { targetsHistory } from './targetHistory.js';
