import { type Capabilities, defineCapabilities } from '@orgport/core/capabilities';

/**
 * What the VendorTemplate adapter can do. `organizations.get` and `admins.list` have no
 * method: the facade emulates them from the lists (walking every page).
 */
export const VENDOR_TEMPLATE_CAPABILITIES: Capabilities = defineCapabilities({
  'organizations.list': true,
  'organizations.get': true,
  'members.list': true,
  'members.add': true,
  'members.remove': true,
  'admins.list': true,
  pagination: 'checkpoint',
  memberKinds: 'native',
  consistency: 'strong',
});
