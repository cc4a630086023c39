import type { CreateInvitationInput, Invitation } from '../domain/index.js';
import type { CallOptions, ListOptions } from './call-options.js';
import type { Page } from './page.js';

/** Invitations, as an adapter implements them. Methods are gated by capabilities. */
export interface InvitationPort {
  /** One page of the organization's pending invitations. Capability `invitations.list`. */
  list?(organizationId: string, options: ListOptions): Promise<Page<Invitation>>;
  /** One invitation; `not_found` when absent. Capability `invitations.get`. */
  get?(organizationId: string, invitationId: string, options: CallOptions): Promise<Invitation>;
  /** Invites an email address; returns what was created. Capability `invitations.create`. */
  create?(organizationId: string, input: CreateInvitationInput, options: CallOptions): Promise<Invitation>;
  /** Revokes an invitation; `not_found` when absent. Capability `invitations.delete`. */
  delete?(organizationId: string, invitationId: string, options: CallOptions): Promise<void>;
}
