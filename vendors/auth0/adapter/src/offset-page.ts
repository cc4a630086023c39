import type { PagedList } from '@orgport/core';
import {
  assertWithinOffsetCap,
  offsetCursor,
  type Page,
  paginate,
  type QueryParams,
} from '@orgport/core/driver';
import type { z } from 'zod';
import { type Auth0Context, OFFSET_CAP } from './auth0-context.js';
import { wireList } from './wire/auth0-wire-schemas.js';

/** What {@link fetchOffsetPage} needs. */
export interface OffsetPageRequest<T extends z.ZodType> {
  readonly path: string;
  readonly key: string;
  readonly item: T;
  readonly cursor: string | undefined;
  readonly pageSize?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Whether Auth0's 1000-record offset cap applies to this endpoint. */
  readonly capped: boolean;
  readonly query?: QueryParams;
  /** For error messages, e.g. `members.organizationsOf`. */
  readonly operation: string;
}

/**
 * One page of an Auth0 list that pages by number (`page`/`per_page`/`include_totals`),
 * with the page number in the cursor; refuses to go past the offset cap with a clear
 * `failed_precondition` instead of Auth0's 400.
 */
export async function fetchOffsetPage<T extends z.ZodType>(
  context: Auth0Context,
  request: OffsetPageRequest<T>,
): Promise<Page<z.infer<T>>> {
  const page = offsetCursor.decode(request.cursor);
  const perPage = Math.min(100, request.pageSize ?? context.pageSize);
  if (request.capped) assertWithinOffsetCap(page, perPage, OFFSET_CAP, request.operation, context.vendor);
  const { data } = await context.http.request({
    method: 'GET',
    path: request.path,
    query: { ...request.query, page, per_page: perPage, include_totals: true },
    schema: wireList(request.key, request.item),
    signal: request.signal,
  });
  const next = offsetCursor.after(page, perPage, data.items.length, data.total);
  return next === undefined ? { items: data.items } : { items: data.items, next };
}

/**
 * Every item of an offset-paged list, streamed through core's paginator (which ends the
 * walk, drops repeated ids and refuses cursor loops), without the facade's checks: for
 * the adapter's own reads (member roles, tenant roles, a user's organizations).
 */
export function offsetList<T extends z.ZodType>(
  context: Auth0Context,
  request: Omit<OffsetPageRequest<T>, 'cursor'>,
  idOf: (item: z.infer<T>) => string,
): PagedList<z.infer<T>> {
  return paginate({
    fetchPage: (cursor) => fetchOffsetPage(context, { ...request, cursor }),
    idOf,
    signal: request.signal,
    vendor: context.vendor,
    operation: request.operation,
  });
}
