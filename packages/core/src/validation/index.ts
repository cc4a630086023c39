export * from './format-issues.js';
export * from './json-checks.js';
