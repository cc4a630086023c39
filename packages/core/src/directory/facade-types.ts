import type { CallOptions } from '../calls/call-options.js';
import type { Operation } from '../capabilities/operations.js';
import type { CallSpec, FacadeArgs, ListSpec, OperationSpec } from '../operations/operation-spec.js';
import type { OperationTable } from '../operations/operation-table.js';
import type { PortName } from '../operations/port-types.js';
import type { PagedList } from '../pagination/paged-list.js';
import type { DirectoryListOptions } from './directory-list-options.js';

/** The facade method of one spec: lists stream a `PagedList`, calls return a promise. */
export type FacadeMethodOf<S extends OperationSpec> =
  S extends ListSpec<infer A, infer T>
    ? (...args: [...FacadeArgs<A>, DirectoryListOptions?]) => PagedList<T>
    : S extends CallSpec<infer A, infer R>
      ? (...args: [...FacadeArgs<A>, CallOptions?]) => Promise<R>
      : never;

/** The facade method of one operation, derived from the operation table. */
export type FacadeMethod<Op extends Operation> = FacadeMethodOf<OperationTable[Op]>;

/** One port's methods on the facade, derived from the operation table. */
export type FacadePort<P extends PortName> = {
  readonly [Op in Operation as Op extends `${P}.${infer M}` ? M : never]: FacadeMethod<Op>;
};
