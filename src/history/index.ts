export { type HistoryUnits, indicatorHistory } from './indicatorHistory.js';
export {
  HistoryFileError,
  type HistoryRow,
  type HistoryTableName,
  type HistoryValue,
  ofUnit,
  readHistory,
} from './readHistory.js';
export { targetsHistory } from './targetHistory.js';
