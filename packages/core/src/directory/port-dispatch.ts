import type { Operation } from '../capabilities/operations.js';
import { EMULATED_FROM, emulate } from '../operations/emulations.js';
import type { PortName } from '../operations/port-types.js';
import type { Adapter } from '../ports/adapter.js';

/** `'members.list'` → `['members', 'list']`. */
export function splitOperation(operation: Operation): [PortName, string] {
  const dot = operation.indexOf('.');
  return [operation.slice(0, dot) as PortName, operation.slice(dot + 1)];
}

/** The adapter's method for an operation, bound to its port, or undefined when it has none. */
export function portMethod(
  adapter: Adapter,
  operation: Operation,
): ((...args: unknown[]) => Promise<unknown>) | undefined {
  const [portName, method] = splitOperation(operation);
  const port: object | undefined = adapter[portName];
  const candidate: unknown = port === undefined ? undefined : Reflect.get(port, method);
  return typeof candidate === 'function'
    ? (...args: unknown[]) => Reflect.apply(candidate, port, args) as Promise<unknown>
    : undefined;
}

/** The facade's emulation of an operation the adapter declares but does not implement, if any. */
function emulatedMethod(
  adapter: Adapter,
  operation: Operation,
): ((...args: unknown[]) => Promise<unknown>) | undefined {
  const from = EMULATED_FROM.get(operation);
  const source = from ? portMethod(adapter, from) : undefined;
  return source ? emulate(operation, source, adapter.name) : undefined;
}

/** Calls the adapter's method for an operation (the facade checked the capability and the method exist). */
export function callPort(adapter: Adapter, operation: Operation, args: readonly unknown[]): Promise<unknown> {
  const method = portMethod(adapter, operation) ?? emulatedMethod(adapter, operation);
  if (!method) return Promise.reject(new TypeError(`${adapter.name} has no method for ${operation}`));
  return method(...args);
}
