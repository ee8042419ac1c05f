export { nameKey } from './names.js';
export * from './population.js';
export * from './provinces.js';
