import { type Capabilities, hasCapability } from '@orgport/core';
import type { ConformanceTest, SuiteGroup, SuiteScale } from './conformance-test.js';
import { clientGrantTests } from './tests/client-grant-tests.js';
import { connectionTests } from './tests/connection-tests.js';
import { invitationTests } from './tests/invitation-tests.js';
import { manifestTests } from './tests/manifest-tests.js';
import { memberKindTests } from './tests/member-kind-tests.js';
import { memberTests } from './tests/member-tests.js';
import { organizationTests } from './tests/organization-tests.js';
import { permissionTests } from './tests/permission-tests.js';
import { productTests } from './tests/product-tests.js';
import { robustnessTests } from './tests/robustness-tests.js';
import { unsupportedTests } from './tests/unsupported-tests.js';
import { userTests } from './tests/user-tests.js';

/** The suite's default scale. */
export const DEFAULT_SCALE: SuiteScale = { largeMemberCount: 2500, pageSize: 100 };

/** Every test of the suite, in a stable order. */
export function allConformanceTests(scale: SuiteScale = DEFAULT_SCALE): ConformanceTest[] {
  return [
    ...organizationTests(),
    ...memberTests(scale),
    ...memberKindTests('admins'),
    ...memberKindTests('billingManagers'),
    ...permissionTests(),
    ...invitationTests(),
    ...connectionTests(),
    ...productTests(),
    ...clientGrantTests(),
    ...userTests(),
    ...unsupportedTests(),
    ...robustnessTests(),
    ...manifestTests(),
  ];
}

/** A test with the verdict of the manifest: run it, or skip it and why. */
export interface SelectedTest {
  /** The test. */
  readonly test: ConformanceTest;
  /** Why it cannot apply to this adapter at all (not registered when known up front). */
  readonly notApplicable?: string | undefined;
  /** Why it does not apply to this adapter, or undefined when it runs. */
  readonly skipReason?: string | undefined;
}

/** Options that choose which tests run. */
export interface SelectionOptions {
  /** Run only these groups (for focusing while developing an adapter). */
  readonly only?: readonly SuiteGroup[] | undefined;
  /** Leave these groups out (they are still listed as skipped). */
  readonly skip?: readonly SuiteGroup[] | undefined;
}

/**
 * Decides, from the manifest only, which tests run: a test that cannot arise for the
 * adapter is not applicable (e.g. "refuses what it does not declare" for a declared
 * operation); a test whose capabilities are not all declared is skipped with the missing
 * names as the reason; nothing is skipped by hand except through `only` / `skip`, which are
 * reported too.
 */
export function selectTests(
  tests: readonly ConformanceTest[],
  capabilities: Capabilities,
  options: SelectionOptions = {},
): SelectedTest[] {
  return tests.map((test) => {
    const notApplicable = test.notApplicable?.(capabilities);
    if (notApplicable !== undefined) return { test, notApplicable };
    if (options.only && !options.only.includes(test.group))
      return { test, skipReason: `group ${test.group} not in only` };
    if (options.skip?.includes(test.group))
      return { test, skipReason: `group ${test.group} skipped by option` };
    const missing = test.requires.filter((name) => !hasCapability(capabilities, name));
    if (missing.length > 0) return { test, skipReason: `not declared: ${missing.join(', ')}` };
    const unless = test.unless?.(capabilities);
    if (unless !== undefined) return { test, skipReason: unless };
    return { test };
  });
}
