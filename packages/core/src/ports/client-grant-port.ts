import type { ClientGrant } from '../domain/index.js';
import type { CallOptions, ListOptions } from './call-options.js';
import type { Page } from './page.js';

/** Client grants of organizations, as an adapter implements them. Methods are gated by capabilities. */
export interface ClientGrantPort {
  /** One page of the grants associated with the organization. Capability `clientGrants.list`. */
  list?(organizationId: string, options: ListOptions): Promise<Page<ClientGrant>>;
  /** Associates a tenant grant; `already_exists` when it already is. Capability `clientGrants.associate`. */
  associate?(organizationId: string, grantId: string, options: CallOptions): Promise<ClientGrant>;
  /** Removes the association; `not_found` when there is none. Capability `clientGrants.remove`. */
  remove?(organizationId: string, grantId: string, options: CallOptions): Promise<void>;
}
