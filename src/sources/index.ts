export { fetchSource } from './fetch.js';
export { type SourceConfig, sourceSchema } from './schema.js';
export type { FetchContext, FetchedSource } from './types.js';
