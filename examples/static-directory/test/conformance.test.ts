// The suite is imported from the published package, as a third party would.
import { runConformanceSuite } from '@orgport/testkit';
import { staticDirectoryHarness } from './support/static-directory-harness.js';

runConformanceSuite({ name: 'static-directory (worked example)', makeHarness: staticDirectoryHarness });
