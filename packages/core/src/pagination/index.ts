export * from './id-fingerprint-set.js';
export * from './offset-cap.js';
export * from './offset-cursor.js';
export type * from './paged-list.js';
export * from './paginate.js';
