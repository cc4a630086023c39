export * from './journal-store-contract.js';
