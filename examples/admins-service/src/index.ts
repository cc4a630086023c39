/**
 * An example service: `GET /organizations/{id}/admins` at whichever vendor the
 * configuration (`ORGPORT_VENDOR` and that vendor's `ORGPORT_*` variables) names.
 *
 * @packageDocumentation
 */
export * from './admins-service.js';
export * from './directory-from-environment.js';
export * from './vendors.js';
