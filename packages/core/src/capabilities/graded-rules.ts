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
  oneRole = false,
): void {
  const products = new Set<string>();
  if (oneRole && grants.filter((grant) => grant.scope.type === 'organization').length > 1) {
    throw new OrgPortError(
      'invalid_argument',
      `${field}: ${vendor} holds at most one organization role per member (rolesPerMember: 'one')`,
      { vendor, meta: { capability: 'rolesPerMember' } },
    );
  }
  for (const [index, grant] of grants.entries()) {
    if (!scopeAllowed(grant.scope, capabilities)) {
      throw new OrgPortError(
        'invalid_argument',
        `${field}[${index}].scope: ${vendor} has no ${grant.scope.type}-scope permission groups (grantScopes: ${capabilities.grantScopes})`,
        { vendor, meta: { capability: 'grantScopes' } },
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
 * request: grant scopes (`grantScopes`), one group per product or one organization role
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
      operation === 'permissions.set' && capabilities.rolesPerMember === 'one',
    );
  } else if (operation === 'invitations.create') {
    const grants = (args[1] as { readonly grants?: readonly GrantInput[] }).grants ?? [];
    checkGrants(
      grants,
      'input.grants',
      capabilities,
      vendor,
      onePerProduct,
      capabilities.rolesPerMember === 'one',
    );
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
