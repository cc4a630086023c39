export * from './assert-adapter.js';
export * from './create-directory.js';
export type * from './directory.js';
export type * from './operation-event.js';
export * from './validate-input.js';
