import { OrgPortError } from '../errors/orgport-error.js';

/**
 * Fails with `failed_precondition`, before the request, when page `page` of `perPage`
 * would reach past a vendor's offset-paging cap (Auth0 serves 1,000 records that way), so
 * a walk ends with a clear error instead of the vendor's 400.
 */
export function assertWithinOffsetCap(
  page: number,
  perPage: number,
  cap: number,
  operation: string,
  vendor?: string,
): void {
  if (page * perPage >= cap) {
    throw new OrgPortError(
      'failed_precondition',
      `${operation}: the vendor serves at most ${cap} records by page number and there are more; narrow the query or use a cursor-paged call`,
      { vendor, meta: { cap } },
    );
  }
}
