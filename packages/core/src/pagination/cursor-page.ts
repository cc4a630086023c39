import type { z } from 'zod';
import type { ListOptions } from '../calls/call-options.js';
import type { Page } from '../calls/page.js';
import type { HttpClient, QueryParams } from '../http/http-client.js';

/** How a cursor-paged vendor list is asked for and read. */
export interface CursorPageRequest<Body, Item> {
  /** The transport. */
  readonly http: HttpClient;
  /** Path of the list (built with the `path` tag). */
  readonly path: string;
  /** Other query parameters. */
  readonly query?: QueryParams | undefined;
  /** Validates the whole response body. */
  readonly schema: z.ZodType<Body>;
  /** The items of one page, mapped to the neutral model. */
  readonly items: (body: Body) => readonly Item[];
  /** The cursor of the next page, or undefined/null/'' at the end (e.g. `body.list_metadata.after`). */
  readonly next: (body: Body) => string | null | undefined;
  /** Query parameter carrying the cursor. Default `after`. */
  readonly cursorParam?: string | undefined;
  /** Query parameter carrying the page size. Default `limit`. */
  readonly limitParam?: string | undefined;
  /** The vendor's largest page; requested sizes are clamped to it. Default 100. */
  readonly maxPageSize?: number | undefined;
  /** Rate-limit bucket of the route, for vendors that limit per route. */
  readonly rateLimitKey?: string | undefined;
}

/**
 * Fetches one page of a cursor-paged list (`?limit=…&after=…` answered with the items and
 * a next cursor, as in `{ data, list_metadata: { after } }`) as a port's `Page`: the cursor
 * passes through opaque, the page size is clamped, and an empty page never carries `next`
 * (the paginator ends on an empty page, so a vendor's empty page with a cursor is followed
 * here until items or the end arrive).
 */
export async function fetchCursorPage<Body, Item>(
  request: CursorPageRequest<Body, Item>,
  options: ListOptions,
): Promise<Page<Item>> {
  const maxPageSize = request.maxPageSize ?? 100;
  const limit = Math.min(Math.max(1, options.pageSize ?? maxPageSize), maxPageSize);
  let cursor = options.cursor;
  for (;;) {
    const { data } = await request.http.request({
      method: 'GET',
      path: request.path,
      query: {
        ...request.query,
        [request.limitParam ?? 'limit']: limit,
        [request.cursorParam ?? 'after']: cursor,
      },
      schema: request.schema,
      signal: options.signal,
      rateLimitKey: request.rateLimitKey,
    });
    const items = request.items(data);
    const next = request.next(data) || undefined;
    // The end, or a cursor that does not move (which would loop): the last page.
    if (next === undefined || next === cursor) return { items };
    if (items.length > 0) return { items, next };
    cursor = next;
  }
}
