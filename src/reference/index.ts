export { nameKey } from './names.js';
export * from './provinces.js';
