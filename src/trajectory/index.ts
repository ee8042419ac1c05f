export { dayOf, isoOf } from './days.js';
export { expectedAt, gapPct, type Point, type Status, statusOf } from './expected.js';
export { type Projection, project } from './projection.js';
