export * from './errors.js';
export * from './history.js';
export * from './recentRuns.js';
export * from './record.js';
export * from './recorder.js';
export * from './status.js';
