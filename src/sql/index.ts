export {
  buildSqlDatabase,
  type Relation,
  runReadOnly,
  SqlError,
  type SqlResult,
  type SqlValue,
} from './readOnlyDb.js';
export { snapshotRelations } from './snapshotRelations.js';
export { snapshotSql } from './snapshotSql.js';
