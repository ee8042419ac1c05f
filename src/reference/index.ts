export * from './communes.js';
export { ReferenceDataError } from './errors.js';
export { looseKey, nameKey, tonedKey } from './names.js';
export * from './population.js';
export * from './provinces.js';
