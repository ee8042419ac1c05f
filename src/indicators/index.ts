export {
  type BuildOptions,
  buildIndicators,
  type IndicatorRow,
  type IndicatorTables,
  type LegacyIndicatorRow,
  type PopulationTables,
  type UnitPopulation,
} from './build.js';
export { buildCommunes, type CommuneIndicatorRow, type ProvinceCommunes } from './communes.js';
export { type CommunesJson, communesJsonSchema } from './communesSchema.js';
export { type CountedRecord, countPartition, PartitionCounter } from './count.js';
export { type CountsFile, CountsTables } from './countsFile.js';
export { mergeCountsFiles } from './merge.js';
export { percent, perThousand } from './ratio.js';
export * from './schema.js';
export { emptyTally, type PartitionCounts, type Tally } from './tally.js';
export * from './units.js';
