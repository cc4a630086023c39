import type { Connection, ConnectionSettings } from '../domain/index.js';
import type { CallOptions, ListOptions } from './call-options.js';
import type { Page } from './page.js';

/** Enabled login connections, as an adapter implements them. Methods are gated by capabilities. */
export interface ConnectionPort {
  /** One page of the organization's enabled connections. Capability `connections.list`. */
  list?(organizationId: string, options: ListOptions): Promise<Page<Connection>>;
  /** One enabled connection; `not_found` when not enabled. Capability `connections.get`. */
  get?(organizationId: string, connectionId: string, options: CallOptions): Promise<Connection>;
  /** Enables a tenant connection for the organization. Capability `connections.enable`. */
  enable?(
    organizationId: string,
    connectionId: string,
    settings: ConnectionSettings,
    options: CallOptions,
  ): Promise<Connection>;
  /** Changes an enabled connection's settings. Capability `connections.update`. */
  update?(
    organizationId: string,
    connectionId: string,
    settings: ConnectionSettings,
    options: CallOptions,
  ): Promise<Connection>;
  /** Disables a connection for the organization (the tenant keeps it). Capability `connections.disable`. */
  disable?(organizationId: string, connectionId: string, options: CallOptions): Promise<void>;
}
