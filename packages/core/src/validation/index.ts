export * from './format-issues.js';
