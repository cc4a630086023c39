/** A member as the fake vendor stores it. */
export interface VendorTemplateStoredMember {
  readonly userId: string;
  role: 'member' | 'admin';
}

/** An organization as the fake vendor stores it. */
export interface VendorTemplateStoredOrganization {
  readonly id: string;
  readonly name: string;
  readonly display_name?: string | undefined;
}

/** A user as the fake vendor stores it. */
export interface VendorTemplateStoredUser {
  readonly id: string;
  readonly email: string;
  readonly name?: string | undefined;
}

/** The fake vendor's state, open for seeding and back-door checks. */
export class VendorTemplateStore {
  private counter = 0;
  readonly organizations = new Map<string, VendorTemplateStoredOrganization>();
  readonly users = new Map<string, VendorTemplateStoredUser>();
  /** Organization id → members in joining order. */
  readonly members = new Map<string, Map<string, VendorTemplateStoredMember>>();

  /** A new id with a prefix. */
  id(prefix: string): string {
    return `${prefix}_${(++this.counter).toString(36).padStart(6, '0')}`;
  }

  /** Adds an organization with no members. */
  addOrganization(name: string, displayName?: string): VendorTemplateStoredOrganization {
    const organization = { id: this.id('org'), name, ...(displayName ? { display_name: displayName } : {}) };
    this.organizations.set(organization.id, organization);
    this.members.set(organization.id, new Map());
    return organization;
  }

  /** Adds a user who belongs to no organization. */
  addUser(email: string, name?: string): VendorTemplateStoredUser {
    const user = { id: this.id('user'), email, ...(name ? { name } : {}) };
    this.users.set(user.id, user);
    return user;
  }
}
