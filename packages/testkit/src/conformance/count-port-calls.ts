import type { Adapter } from '@orgport/core';

/** The adapter fields that are ports: objects whose methods do the adapter's work. */
const PORTS: ReadonlySet<string> = new Set([
  'organizations',
  'members',
  'admins',
  'billingManagers',
  'permissions',
  'invitations',
  'connections',
  'products',
  'clientGrants',
  'users',
]);

/**
 * The same adapter, telling `onCall` of every call into one of its ports: how the suite
 * proves "refused before any request" for an adapter that sends no requests at all.
 * Everything else (name, capabilities, input rules, close) is the adapter's own.
 */
export function countPortCalls(adapter: Adapter, onCall: () => void): Adapter {
  const wrapped = new Map<PropertyKey, unknown>();
  const wrapPort = (port: object): object =>
    new Proxy(port, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          onCall();
          return Reflect.apply(value, target, args);
        };
      },
    });
  return new Proxy(adapter, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof key !== 'string' || !PORTS.has(key) || typeof value !== 'object' || value === null)
        return value;
      // A proxy must return a frozen property as it is.
      const own = Reflect.getOwnPropertyDescriptor(target, key);
      if (own && !own.configurable && !own.writable) return value;
      let port = wrapped.get(key);
      if (port === undefined) {
        port = wrapPort(value);
        wrapped.set(key, port);
      }
      return port;
    },
  });
}
