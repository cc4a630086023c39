import type { VendorErrorClassification, VendorFailure } from '@orgport/core/driver';

/**
 * Maps WorkOS error bodies (`{ code?, message }`, per the spec's error responses) where the
 * status alone is not enough: an unknown role slug (422 `invalid_role`) is `not_found`, a
 * role write the environment cannot hold (`multiple_roles_not_enabled`, scoped roles) and a
 * pending membership deactivated or reactivated are `failed_precondition`.
 */
export function classifyWorkOSError(failure: VendorFailure): VendorErrorClassification | undefined {
  const body = typeof failure.body === 'object' && failure.body !== null ? failure.body : {};
  const code = 'code' in body && typeof body.code === 'string' ? body.code : undefined;
  if (code === undefined) return undefined;
  if (code === 'invalid_role') return { code: 'not_found', errorCode: code };
  if (
    code === 'multiple_roles_not_enabled' ||
    code === 'sub_resource_scoped_role_not_allowed' ||
    code === 'cannot_reactivate_pending_organization_membership' ||
    code === 'cannot_deactivate_pending_organization_membership'
  )
    return { code: 'failed_precondition', errorCode: code };
  return { errorCode: code };
}
