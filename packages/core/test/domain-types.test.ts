import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type {
  Branding,
  BrandingSchema,
  ClientGrant,
  ClientGrantSchema,
  Connection,
  ConnectionSchema,
  ConnectionSettings,
  ConnectionSettingsSchema,
  CreateInvitationInput,
  CreateInvitationInputSchema,
  CreateOrganizationInput,
  CreateOrganizationInputSchema,
  GrantInput,
  GrantInputSchema,
  GrantScope,
  GrantScopeSchema,
  GroupRef,
  GroupRefSchema,
  Invitation,
  InvitationSchema,
  Member,
  MemberSchema,
  Metadata,
  MetadataSchema,
  Organization,
  OrganizationSchema,
  PermissionGrant,
  PermissionGrantSchema,
  PermissionGroup,
  PermissionGroupSchema,
  Product,
  ProductSchema,
  Role,
  RoleSchema,
  UpdateOrganizationInput,
  UpdateOrganizationInputSchema,
  User,
  UserSchema,
} from '../src/index.js';

// The domain types are written out as named interfaces (editors show `Member`, not an
// expanded `Readonly<{ user: Readonly<{…`), and must stay exactly what their schemas parse.
// These checks run in the test command's type-check step (tsc -p tsconfig.tests.json).
describe('domain types', () => {
  it('are exactly what their schemas parse', () => {
    expectTypeOf<Member>().toEqualTypeOf<z.infer<typeof MemberSchema>>();
    expectTypeOf<User>().toEqualTypeOf<z.infer<typeof UserSchema>>();
    expectTypeOf<Organization>().toEqualTypeOf<z.infer<typeof OrganizationSchema>>();
    expectTypeOf<Branding>().toEqualTypeOf<z.infer<typeof BrandingSchema>>();
    expectTypeOf<Metadata>().toEqualTypeOf<z.infer<typeof MetadataSchema>>();
    expectTypeOf<Role>().toEqualTypeOf<z.infer<typeof RoleSchema>>();
    expectTypeOf<GrantScope>().toEqualTypeOf<z.infer<typeof GrantScopeSchema>>();
    expectTypeOf<GroupRef>().toEqualTypeOf<z.infer<typeof GroupRefSchema>>();
    expectTypeOf<PermissionGroup>().toEqualTypeOf<z.infer<typeof PermissionGroupSchema>>();
    expectTypeOf<PermissionGrant>().toEqualTypeOf<z.infer<typeof PermissionGrantSchema>>();
    expectTypeOf<GrantInput>().toEqualTypeOf<z.infer<typeof GrantInputSchema>>();
    expectTypeOf<Product>().toEqualTypeOf<z.infer<typeof ProductSchema>>();
    expectTypeOf<Invitation>().toEqualTypeOf<z.infer<typeof InvitationSchema>>();
    expectTypeOf<CreateInvitationInput>().toEqualTypeOf<z.infer<typeof CreateInvitationInputSchema>>();
    expectTypeOf<CreateOrganizationInput>().toEqualTypeOf<z.infer<typeof CreateOrganizationInputSchema>>();
    expectTypeOf<UpdateOrganizationInput>().toEqualTypeOf<z.infer<typeof UpdateOrganizationInputSchema>>();
    expectTypeOf<Connection>().toEqualTypeOf<z.infer<typeof ConnectionSchema>>();
    expectTypeOf<ConnectionSettings>().toEqualTypeOf<z.infer<typeof ConnectionSettingsSchema>>();
    expectTypeOf<ClientGrant>().toEqualTypeOf<z.infer<typeof ClientGrantSchema>>();
  });
});
