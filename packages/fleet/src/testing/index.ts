export * from './throwaway-postgres.js';
