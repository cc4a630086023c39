import type { Capabilities, CapabilityName, GradedCapabilities } from './capabilities.js';
import { GRADED_CAPABILITIES, type GradedCapabilityName } from './graded-capabilities.js';

/**
 * True when the manifest has the capability: an operation that is `true`, or a graded
 * value other than its "absent" one in `GRADED_CAPABILITIES` (those whose `absent` is
 * `null`, such as `pagination` and `consistency`, always count as present).
 */
export function hasCapability(capabilities: Capabilities, name: CapabilityName): boolean {
  if (Object.hasOwn(GRADED_CAPABILITIES, name)) {
    const key = name as GradedCapabilityName;
    return capabilities[key] !== GRADED_CAPABILITIES[key].absent;
  }
  return capabilities[name as Exclude<CapabilityName, keyof GradedCapabilities>] === true;
}
