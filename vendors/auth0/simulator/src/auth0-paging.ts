import type { SimRequest, SimResponse } from '@orgport/simulator-kit';
import { auth0Error, invalidQuery } from './auth0-errors.js';

/** How one list endpoint pages (reference §3.2). */
export interface ListSpec {
  /** Envelope key, e.g. `members`. */
  readonly key: string;
  /** Whether `from`/`take` checkpoint paging is offered. */
  readonly checkpoint: boolean;
  /** Whether the 1000-record offset cap applies. */
  readonly capped: boolean;
  /** Whether `total` appears in the offset envelope (invitations: never). */
  readonly total: boolean;
  /** `limit` is the requested page size, or the number of items returned. */
  readonly limit: 'per_page' | 'items';
  /** Checkpoint end: orgs omit `next` on the short last page; members send `next` on every non-empty page. */
  readonly checkpointEnd?: 'omit-on-last' | 'empty-page';
}

/** Paging switches that the reference marks unconfirmed. */
export interface PagingOptions {
  /** Largest `per_page` / `take`. Default 100. */
  readonly maxPageSize: number;
  /** Records reachable by offset paging. Default 1000. */
  readonly offsetCap: number;
  /** Cap boundary: `strict` refuses when `page·per_page + per_page > cap`; `start` when `page·per_page ≥ cap`. */
  readonly offsetCapBoundary: 'strict' | 'start';
  /** What `from` without `take` does: the offset envelope (2022 report) or checkpoint. Default `offset`. */
  readonly fromWithoutTake: 'offset' | 'checkpoint';
}

const INT = /^\d+$/;

function integer(request: SimRequest, name: string, fallback: number, max?: number): number | SimResponse {
  const raw = request.query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!INT.test(raw))
    return invalidQuery(`'Expected type integer but found type string' on property ${name}.`);
  const value = Number(raw);
  if (max !== undefined && value > max) {
    return invalidQuery(
      `'Value ${value} is greater than maximum ${max}' on property ${name} (Number of results per page. Defaults to 50).`,
    );
  }
  return value;
}

/** Encodes a checkpoint cursor the way Auth0's look: unpadded base64 of `<timestamp>UTC,<marker>`. */
export function encodeCursor(sequence: number): string {
  const stamp = new Date(Date.UTC(2024, 0, 1) + sequence * 1000)
    .toISOString()
    .replace('T', ' ')
    .replace('Z', '000');
  return Buffer.from(`${stamp}UTC,seq_${sequence}`).toString('base64').replace(/=+$/, '');
}

/** Decodes a cursor made by {@link encodeCursor}; undefined when malformed. */
export function decodeCursor(cursor: string): number | undefined {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const match = /UTC,seq_(\d+)$/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** A source of list items: by offset for page mode, by sequence for checkpoint mode. */
export interface ListSource<T> {
  /** How many items there are. */
  count(): number;
  /** Items `[start, start + size)` in list order. */
  slice(start: number, size: number): T[];
  /** Items after checkpoint `after` (0 = beginning), and the checkpoint of the last one. */
  after?(after: number, size: number): { items: T[]; last: number; more: boolean };
}

/**
 * Answers a list request exactly as Auth0 does (reference §3): a bare array by default, the
 * offset envelope with `include_totals=true`, the checkpoint envelope whenever `take` is
 * present, the 1000-record cap, and each endpoint's end-of-list behaviour.
 */
export function answerList<T>(
  request: SimRequest,
  spec: ListSpec,
  source: ListSource<T>,
  options: PagingOptions,
  render: (item: T) => unknown,
): SimResponse {
  const hasTake = request.query.has('take');
  const hasFrom = request.query.has('from');
  const checkpoint = spec.checkpoint && (hasTake || (hasFrom && options.fromWithoutTake === 'checkpoint'));
  if (checkpoint && source.after) {
    const take = integer(request, 'take', 50, options.maxPageSize);
    if (typeof take !== 'number') return take;
    if (take < 1) return invalidQuery(`'Value ${take} is less than minimum 1' on property take.`);
    const from = request.query.get('from');
    let after = 0;
    if (from !== null && from !== '') {
      const decoded = decodeCursor(from);
      if (decoded === undefined) return auth0Error(400, 'Invalid checkpoint: from', 'invalid_query_string');
      after = decoded;
    }
    const { items, last, more } = source.after(after, take);
    const body: Record<string, unknown> = { [spec.key]: items.map(render) };
    const withNext = spec.checkpointEnd === 'empty-page' ? items.length > 0 : more;
    if (withNext) body.next = encodeCursor(last);
    return { status: 200, body };
  }

  const perPage = integer(request, 'per_page', 50, options.maxPageSize);
  if (typeof perPage !== 'number') return perPage;
  const page = integer(request, 'page', 0, spec.capped ? 1000 : undefined);
  if (typeof page !== 'number') return page;
  if (perPage < 1) return invalidQuery(`'Value ${perPage} is less than minimum 1' on property per_page.`);
  const start = page * perPage;
  if (spec.capped) {
    const over =
      options.offsetCapBoundary === 'strict'
        ? start + perPage > options.offsetCap
        : start >= options.offsetCap;
    if (over) {
      return auth0Error(
        400,
        `Requesting page ${page} exceeds the allowed maximum of ${options.offsetCap} records. To fetch results beyond ${options.offsetCap}, use the checkpoint pagination method.`,
        'invalid_paging',
      );
    }
  }
  const items = source.slice(start, perPage).map(render);
  if (request.query.get('include_totals') !== 'true') return { status: 200, body: items };
  const body: Record<string, unknown> = {
    [spec.key]: items,
    start,
    limit: spec.limit === 'per_page' ? perPage : items.length,
  };
  if (spec.total) body.total = source.count();
  return { status: 200, body };
}
