/** The plain document the example adapter serves: what a vendor export might look like. */
export interface DirectoryDocument {
  organizations: { id: string; name: string; display_name?: string }[];
  users: { id: string; email: string; name?: string }[];
  /** One row per membership; `role` is `admin`, `billing` or `member`. */
  memberships: { org_id: string; user_id: string; roles: ('admin' | 'billing' | 'member')[] }[];
}
