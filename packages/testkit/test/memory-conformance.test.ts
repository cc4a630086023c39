import { MEMORY_CAPABILITIES, memoryHarness, runConformanceSuite } from '../src/index.js';

// The reference adapter must pass every test of the suite.
runConformanceSuite({
  name: 'memory',
  capabilities: MEMORY_CAPABILITIES,
  makeHarness: (context) => memoryHarness(context),
});
