import type { z } from 'zod';
import type { CallOptions, ListOptions } from '../calls/call-options.js';
import type { Page } from '../calls/page.js';

/**
 * How an argument may be left out: `required`; `optional` (the adapter receives
 * `undefined`); `defaulted` (the schema fills in a default, so the adapter always receives
 * a value).
 */
export type ArgPresence = 'required' | 'optional' | 'defaulted';

/** One positional argument of an operation: its name (for error messages), schema and type. */
export interface ArgSpec<T = unknown, P extends ArgPresence = ArgPresence> {
  /** Field name used in `invalid_argument` messages, e.g. `organizationId`. */
  readonly name: string;
  /** Validates (and normalizes) the argument before any request. */
  readonly schema: z.ZodType;
  /** Whether it may be left out. */
  readonly presence: P;
  /** Phantom: the argument's type. Never set. */
  readonly type?: T;
}

/** A single call: validated arguments in, one value out. */
export interface CallSpec<A extends readonly ArgSpec[] = readonly ArgSpec[], R = unknown> {
  /** Single call. */
  readonly kind: 'call';
  /** Positional arguments before the options. */
  readonly args: A;
  /** Phantom: the result type. Never set. */
  readonly result?: R;
}

/** A list: validated arguments in, pages of items out, streamed by the facade's paginator. */
export interface ListSpec<A extends readonly ArgSpec[] = readonly ArgSpec[], T = unknown> {
  /** Paged list. */
  readonly kind: 'list';
  /** Positional arguments before the options. */
  readonly args: A;
  /** The identity of an item, for the paginator's never-twice rule. */
  idOf(item: T): string;
}

/** Any operation's spec. */
export type OperationSpec = CallSpec | ListSpec;

/** Declares an argument of type `T`. */
export function arg<T, P extends ArgPresence = 'required'>(
  name: string,
  schema: z.ZodType,
  presence: P = 'required' as P,
): ArgSpec<T, P> {
  return { name, schema, presence };
}

/** Declares a single call with result `R`. */
export function call<R>(): <const A extends readonly ArgSpec[]>(...args: A) => CallSpec<A, R> {
  return (...args) => ({ kind: 'call', args });
}

/** Declares a list of `T`, identified by `idOf`. */
export function list<T>(
  idOf: (item: T) => string,
): <const A extends readonly ArgSpec[]>(...args: A) => ListSpec<A, T> {
  return (...args) => ({ kind: 'list', args, idOf });
}

/** The argument values an adapter receives (optional ones may be `undefined`). */
export type PortArgs<A extends readonly ArgSpec[]> = {
  -readonly [K in keyof A]: A[K] extends ArgSpec<infer T, infer P>
    ? P extends 'optional'
      ? T | undefined
      : T
    : never;
};

/** The argument values a caller of the facade gives (optional and defaulted ones may be left out). */
export type FacadeArgs<A extends readonly ArgSpec[]> = A extends readonly [
  infer H,
  ...infer R extends readonly ArgSpec[],
]
  ? H extends ArgSpec<infer T, infer P>
    ? P extends 'required'
      ? [T, ...FacadeArgs<R>]
      : [T?, ...FacadeArgs<R>]
    : never
  : [];

/** The port method an adapter implements for a spec. */
export type PortMethodOf<S extends OperationSpec> =
  S extends ListSpec<infer A, infer T>
    ? (...args: [...PortArgs<A>, options: ListOptions]) => Promise<Page<T>>
    : S extends CallSpec<infer A, infer R>
      ? (...args: [...PortArgs<A>, options: CallOptions]) => Promise<R>
      : never;
