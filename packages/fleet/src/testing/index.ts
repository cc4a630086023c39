export * from './postgres-availability.js';
export * from './throwaway-postgres.js';
