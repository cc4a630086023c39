import type { PagedList } from '@orgport/core';
import { parseCount } from '../options/parse-count.js';

/** `--limit <n>` of list commands: how many records to show at most (absent: all). */
export function parseLimit(value: string | undefined): number | undefined {
  return value === undefined ? undefined : parseCount(value, '--limit', 1, 10_000_000);
}

/**
 * The first `limit` records of a list (all without a limit), reading one more to tell
 * whether the limit cut it: the table's totals line says so.
 */
export async function takeLimited<T>(
  list: PagedList<T>,
  limit: number | undefined,
): Promise<{ items: T[]; limited: boolean }> {
  if (limit === undefined) return { items: await list.toArray(), limited: false };
  const items = await list.toArray({ limit: limit + 1 });
  return { items: items.slice(0, limit), limited: items.length > limit };
}
