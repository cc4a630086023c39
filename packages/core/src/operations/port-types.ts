import type { Operation } from '../capabilities/operations.js';
import type { PortMethodOf } from './operation-spec.js';
import type { OperationTable } from './operation-table.js';

/** The port names: the part of an operation before the dot. */
export type PortName = Operation extends `${infer P}.${string}` ? P : never;

/** The method an adapter implements for one operation, derived from the operation table. */
export type PortMethod<Op extends Operation> = PortMethodOf<OperationTable[Op]>;

/**
 * One port, derived from the operation table: `PortOf<'members'>` has an optional `list`,
 * `add`, `remove` and `organizationsOf`, each typed by its operation. Every method is
 * optional and gated by the capability of the same name.
 */
export type PortOf<P extends PortName> = {
  readonly [Op in Operation as Op extends `${P}.${infer M}` ? M : never]?: PortMethod<Op>;
};
