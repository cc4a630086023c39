import type { GrantInput, GrantScope } from '../domain/index.js';
import { OrgPortError } from '../errors/orgport-error.js';
import type { Capabilities } from './capabilities.js';
import type { Operation } from './operations.js';

const scopeAllowed = (scope: GrantScope, capabilities: Capabilities): boolean =>
  capabilities.grantScopes === 'organization+product' || capabilities.grantScopes === scope.type;

function checkGrants(
  grants: readonly GrantInput[],
  field: string,
  capabilities: Capabilities,
  vendor: string,
  onePerProduct: boolean,
  oneRole: boolean,
): void {
  const products = new Set<string>();
  let roles = 0;
  for (const [index, grant] of grants.entries()) {
    if (!scopeAllowed(grant.scope, capabilities)) {
      throw new OrgPortError(
        'invalid_argument',
        `${field}[${index}].scope: ${vendor} has no ${grant.scope.type}-scope permission groups (grantScopes: ${capabilities.grantScopes})`,
        { vendor, meta: { capability: 'grantScopes' } },
      );
    }
    if (oneRole && grant.scope.type === 'organization' && ++roles > 1) {
      throw new OrgPortError(
        'invalid_argument',
        `${field}: ${vendor} holds one organization role per member (given ${roles} or more)`,
        { vendor, meta: { capability: 'rolesPerMember' } },
      );
    }
    if (onePerProduct && grant.scope.type === 'product') {
      if (products.has(grant.scope.productId)) {
        throw new OrgPortError(
          'invalid_argument',
          `${field}: at most one group per product (product ${grant.scope.productId} has two)`,
          { vendor, meta: { capability: 'rolesPerMember' } },
        );
      }
      products.add(grant.scope.productId);
    }
  }
}

/**
 * Enforces the graded capabilities on an operation's validated arguments, before any
 * request: grant scopes (`grantScopes`), one role per member or one group per product
 * (`rolesPerMember`), and how
 * many grants an invitation carries (`invitationGrants`). Adapters need not check these.
 */
export function checkGradedRules(
  operation: Operation,
  args: readonly unknown[],
  capabilities: Capabilities,
  vendor: string,
): void {
  const onePerProduct = capabilities.rolesPerMember === 'one-per-product';
  const oneRole = capabilities.rolesPerMember === 'one';
  if (
    operation === 'permissions.set' ||
    operation === 'permissions.grant' ||
    operation === 'permissions.revoke'
  ) {
    checkGrants(
      args[2] as readonly GrantInput[],
      'grants',
      capabilities,
      vendor,
      (operation === 'permissions.set' || operation === 'permissions.grant') && onePerProduct,
      (operation === 'permissions.set' || operation === 'permissions.grant') && oneRole,
    );
  } else if (operation === 'invitations.create') {
    const grants = (args[1] as { readonly grants?: readonly GrantInput[] }).grants ?? [];
    checkGrants(grants, 'input.grants', capabilities, vendor, onePerProduct, oneRole);
    const expected = capabilities.invitationGrants;
    if (expected === 'none' && grants.length > 0) {
      throw new OrgPortError('invalid_argument', `input.grants: ${vendor} invitations carry no grants`, {
        vendor,
        meta: { capability: 'invitationGrants' },
      });
    }
    if (expected === 'at-most-one' && grants.length > 1) {
      throw new OrgPortError(
        'invalid_argument',
        `input.grants: ${vendor} invitations carry at most one permission group (given ${grants.length})`,
        { vendor, meta: { capability: 'invitationGrants' } },
      );
    }
    if (expected === 'one' && grants.length !== 1) {
      throw new OrgPortError(
        'invalid_argument',
        `input.grants: ${vendor} invitations carry exactly one permission group (given ${grants.length})`,
        { vendor, meta: { capability: 'invitationGrants' } },
      );
    }
  }
}
