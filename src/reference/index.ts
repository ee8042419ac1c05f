export * from './provinces.js';
export { nameKey } from './names.js';
