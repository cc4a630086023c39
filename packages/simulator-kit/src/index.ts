/**
 * `@orgport/simulator-kit`: the toolkit for fake vendors. A real HTTP server on 127.0.0.1
 * with routing, body parsing and seeded fault injection (`startSimServer`), token-bucket
 * rate limits, request statistics, a seeded random source, an ordered index for stable
 * paging, vendor-neutral fixtures, and a fault proxy (`startFaultProxy`) that puts the same
 * faults in front of any HTTP server, for vendors tested against their own emulator. Both
 * built-in vendor simulators are made of it; a new adapter's fake vendor should be too.
 *
 * @packageDocumentation
 */
export * from './fault-proxy.js';
export * from './faults.js';
export * from './fixtures/index.js';
export * from './loopback-server.js';
export * from './ordered-index.js';
export * from './proxy-rate-limit.js';
export * from './request-stats.js';
export * from './seeded-random.js';
export * from './sim-server.js';
export * from './simulator-options.js';
export * from './token-bucket.js';
