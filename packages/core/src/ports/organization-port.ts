import type { CreateOrganizationInput, Organization, UpdateOrganizationInput } from '../domain/index.js';
import type { CallOptions, ListOptions } from './call-options.js';
import type { Page } from './page.js';

/**
 * Organizations, as an adapter implements them. Each method is optional; the adapter's
 * capability manifest says which exist, and the facade never calls one that is not
 * declared. Arguments arrive validated.
 */
export interface OrganizationPort {
  /** One page of the organizations the credentials can see. Capability `organizations.list`. */
  list?(options: ListOptions): Promise<Page<Organization>>;
  /** One organization; a missing one must fail with `not_found`. Capability `organizations.get`. */
  get?(organizationId: string, options: CallOptions): Promise<Organization>;
  /** One organization by its unique name; `not_found` when absent. Capability `organizations.getByName`. */
  getByName?(name: string, options: CallOptions): Promise<Organization>;
  /** Creates one; a taken name must fail with `already_exists`. Capability `organizations.create`. */
  create?(input: CreateOrganizationInput, options: CallOptions): Promise<Organization>;
  /** Changes one and returns it whole; `not_found` when absent. Capability `organizations.update`. */
  update?(
    organizationId: string,
    input: UpdateOrganizationInput,
    options: CallOptions,
  ): Promise<Organization>;
  /** Deletes one with its memberships; `not_found` when absent. Capability `organizations.delete`. */
  delete?(organizationId: string, options: CallOptions): Promise<void>;
}
