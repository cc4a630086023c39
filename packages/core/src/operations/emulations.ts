import type { Operation } from '../capabilities/operations.js';
import { OrgPortError } from '../errors/orgport-error.js';

/**
 * Operations the facade can provide from another one when an adapter declares the
 * capability but has no method for it: kind lists from the member list (filtered, every
 * page followed), and single reads from their list (walked until found). One correct
 * implementation here instead of one per adapter.
 */
export const EMULATED_FROM: ReadonlyMap<Operation, Operation> = new Map<Operation, Operation>([
  ['admins.list', 'members.list'],
  ['billingManagers.list', 'members.list'],
  ['organizations.get', 'organizations.list'],
  ['organizations.getByName', 'organizations.list'],
  ['invitations.get', 'invitations.list'],
]);

type PortCall = (...args: unknown[]) => Promise<unknown>;

/** A list page as ports return it (emulations read items and cursors only). */
interface AnyPage {
  readonly items: readonly unknown[];
  readonly next?: string | undefined;
}

const kindOf = (operation: Operation): 'admin' | 'billing_manager' =>
  operation === 'admins.list' ? 'admin' : 'billing_manager';

/**
 * The emulated method for `operation` over `source`, the adapter's method for the
 * operation it is emulated from.
 */
export function emulate(operation: Operation, source: PortCall, vendor: string): PortCall {
  if (operation === 'admins.list' || operation === 'billingManagers.list') {
    const kind = kindOf(operation);
    // A filtered page may be empty while the list goes on: keep fetching, so that the
    // paginator (which ends on an empty page) never stops before the last holder.
    return async (organizationId, options) => {
      const listOptions = options as { cursor?: string };
      let cursor = listOptions.cursor;
      for (;;) {
        const page = (await source(organizationId, { ...listOptions, cursor })) as AnyPage;
        const holders = page.items.filter((member) =>
          (member as { kinds: readonly string[] }).kinds.includes(kind),
        );
        if (holders.length > 0 || page.next === undefined) return { items: holders, next: page.next };
        cursor = page.next;
      }
    };
  }
  // Single reads: walk the list until the item turns up.
  const organizationRead = operation === 'organizations.get' || operation === 'organizations.getByName';
  const key = operation === 'organizations.getByName' ? 'name' : 'id';
  const what = `${organizationRead ? 'organization' : 'invitation'} ${key === 'name' ? 'named' : 'with id'}`;
  return async (...args) => {
    const options = args.at(-1) as { signal?: AbortSignal };
    const listArgs = organizationRead ? [] : [args[0]];
    const wanted = organizationRead ? args[0] : args[1];
    let cursor: string | undefined;
    for (;;) {
      const page = (await source(...listArgs, { signal: options.signal, cursor })) as AnyPage;
      const found = page.items.find((item) => (item as Record<string, unknown>)[key] === wanted);
      if (found) return found;
      if (page.next === undefined)
        throw new OrgPortError('not_found', `No ${what} ${String(wanted)}`, { vendor });
      cursor = page.next;
    }
  };
}
