export type * from './logger.js';
