export { loadTargets, type TargetsFile, targetsPath } from './load.js';
export { type Target, targetSchema, territoryOf } from './schema.js';
