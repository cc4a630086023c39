export type * from './clock.js';
export * from './system-clock.js';
export * from './virtual-clock.js';
