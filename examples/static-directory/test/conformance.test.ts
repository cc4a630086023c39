// The suite is imported from the published package, as a third party would.
import { runConformanceSuite } from '@orgport/testkit';
import { STATIC_DIRECTORY_CAPABILITIES } from '../src/index.js';
import { staticDirectoryHarness } from './support/static-directory-harness.js';

runConformanceSuite({
  name: 'static-directory (worked example)',
  capabilities: STATIC_DIRECTORY_CAPABILITIES,
  makeHarness: staticDirectoryHarness,
});
