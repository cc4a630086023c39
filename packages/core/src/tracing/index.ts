export type * from './tracer.js';
