export * from './indicatorValue.js';
export * from './numbers.js';
