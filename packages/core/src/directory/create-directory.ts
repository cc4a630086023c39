import { z } from 'zod';
import { assertAdapter } from '../capabilities/assert-adapter.js';
import type { CapabilityName } from '../capabilities/capabilities.js';
import { checkGradedRules } from '../capabilities/graded-rules.js';
import { hasCapability } from '../capabilities/has-capability.js';
import { OPERATIONS, type Operation } from '../capabilities/operations.js';
import { OrgPortError } from '../errors/orgport-error.js';
import { throwIfAborted, toCallFailure, toOrgPortError } from '../errors/to-orgport-error.js';
import type { CallSpec, ListSpec, OperationSpec } from '../operations/operation-spec.js';
import { OPERATION_TABLE } from '../operations/operation-table.js';
import { callPort, splitOperation } from '../operations/port-dispatch.js';
import type { PortName } from '../operations/port-types.js';
import type { PagedList } from '../pagination/paged-list.js';
import { paginate } from '../pagination/paginate.js';
import type { Adapter } from '../ports/adapter.js';
import type { CallOptions, ListOptions } from '../ports/call-options.js';
import type { Page } from '../ports/page.js';
import type { Tracer } from '../tracing/tracer.js';
import type { Directory, DirectoryListOptions } from './directory.js';
import type { FacadePort } from './facade-types.js';
import type { OperationEvent } from './operation-event.js';
import { validateInput } from './validate-input.js';

/** Options of {@link createDirectory}. */
export interface DirectoryOptions {
  /** Default page size for lists (adapters clamp it). */
  readonly pageSize?: number | undefined;
  /**
   * Receives two events per adapter call, for logs and metrics: `phase: 'start'` before it
   * and `phase: 'end'` (duration, outcome, error code) after it.
   */
  readonly onOperation?: ((event: OperationEvent) => void) | undefined;
  /** Records one span per adapter call; see `@orgport/core/opentelemetry`. */
  readonly tracer?: Tracer | undefined;
}

const PageSizeSchema = z.number().int().min(1).max(1000).optional();
const CallOptionsSchema = z
  .object({
    signal: z.instanceof(AbortSignal, { error: 'must be an AbortSignal' }).optional(),
    pageSize: PageSizeSchema,
  })
  .optional();

/**
 * Wraps an adapter in the portable {@link Directory}: input validation, capability checks,
 * pagination, error wrapping and tracing hooks live here once, never in each adapter.
 * Fails with `invalid_argument` when the adapter declares a capability it does not
 * implement.
 *
 * @example
 * ```ts
 * const directory = createDirectory(createMemoryAdapter());
 * for await (const admin of directory.admins.list('org_1')) console.log(admin.user.email);
 * ```
 */
export function createDirectory<A extends Adapter>(adapter: A, options: DirectoryOptions = {}): Directory<A> {
  assertAdapter(adapter);
  validateInput('createDirectory', 'options.pageSize', PageSizeSchema, options.pageSize);
  const vendor = adapter.name;

  const emit = (event: OperationEvent): void => {
    try {
      options.onOperation?.(event);
    } catch {
      // Tracing must never break a call.
    }
  };

  const ensureSupported = (operation: Operation): void => {
    if (adapter.capabilities[operation] !== true) {
      throw new OrgPortError('unsupported', `${vendor} does not support ${operation}`, {
        vendor,
        meta: { capability: operation },
      });
    }
  };

  /** Runs one adapter call with events, tracing and error wrapping. */
  const invoke = <R>(
    operation: Operation,
    args: readonly unknown[],
    signal: AbortSignal | undefined,
  ): Promise<R> => {
    throwIfAborted(signal, vendor);
    if (options.onOperation) emit({ phase: 'start', operation, vendor });
    const { tracer } = options;
    if (!tracer) return callAdapter<R>(operation, args, signal);
    return tracer.trace(
      `orgport ${operation}`,
      { 'orgport.vendor': vendor, 'orgport.operation': operation },
      () => callAdapter<R>(operation, args, signal),
    );
  };

  /** One adapter call, its end event and its error wrapped. */
  const callAdapter = async <R>(
    operation: Operation,
    args: readonly unknown[],
    signal: AbortSignal | undefined,
  ): Promise<R> => {
    const started = performance.now();
    try {
      const result = (await callPort(adapter, operation, args)) as R;
      if (options.onOperation)
        emit({ phase: 'end', operation, vendor, durationMs: performance.now() - started, outcome: 'ok' });
      return result;
    } catch (error) {
      const normalized = toCallFailure(error, vendor, signal);
      emit({
        phase: 'end',
        operation,
        vendor,
        durationMs: performance.now() - started,
        outcome: 'error',
        code: normalized.code,
      });
      throw normalized;
    }
  };

  /** Validates an operation's positional arguments with the table's schemas, in order. */
  const validateArgs = (operation: Operation, spec: OperationSpec, given: readonly unknown[]): unknown[] =>
    spec.args.map((argument, index) =>
      validateInput(operation, argument.name, argument.schema, given[index], vendor),
    );

  /** The adapter's own input rules, after the neutral ones. */
  const checkVendorRules = (operation: Operation, args: readonly unknown[]): void => {
    const reason = adapter.inputRules?.check?.(operation, args);
    if (reason !== undefined)
      throw new OrgPortError('invalid_argument', `${operation}: ${reason}`, { vendor });
  };

  /** A call's arguments, validated and held to the graded capabilities and the vendor's rules. */
  const checkedCallArgs = (
    operation: Operation,
    spec: OperationSpec,
    given: readonly unknown[],
  ): unknown[] => {
    const args = validateArgs(operation, spec, given);
    checkGradedRules(operation, args, adapter.capabilities, vendor);
    checkVendorRules(operation, args);
    return args;
  };

  /** Every check a call passes before any request, without sending it. */
  const check = (operation: Operation, given: readonly unknown[]): OrgPortError | undefined => {
    try {
      ensureSupported(operation);
      const spec: OperationSpec = OPERATION_TABLE[operation];
      if (spec.kind === 'call') checkedCallArgs(operation, spec, given);
      else validateArgs(operation, spec, given);
      return undefined;
    } catch (error) {
      return toOrgPortError(error, vendor);
    }
  };

  /** A single call: check the capability, validate options and arguments, invoke. */
  const call = async (operation: Operation, spec: CallSpec, given: readonly unknown[]): Promise<unknown> => {
    ensureSupported(operation);
    const callOptions = given[spec.args.length] as CallOptions | undefined;
    const { signal } = validateInput(operation, 'options', CallOptionsSchema, callOptions) ?? {};
    const args = checkedCallArgs(operation, spec, given);
    return invoke<unknown>(operation, [...args, { signal }], signal);
  };

  /** A lazily failing list: errors in checks or validation surface on first use. */
  const failedList = (error: unknown): PagedList<unknown> =>
    paginate<unknown>({
      fetchPage: () => Promise.reject(error),
      idOf: () => '',
      vendor,
    });

  /** A list: the same checks, then the paginator over the port's pages. */
  const list = (operation: Operation, spec: ListSpec, given: readonly unknown[]): PagedList<unknown> => {
    try {
      ensureSupported(operation);
      const listOptions = given[spec.args.length] as DirectoryListOptions | undefined;
      const { signal, pageSize } = validateInput(operation, 'options', CallOptionsSchema, listOptions) ?? {};
      const args = validateArgs(operation, spec, given);
      return paginate<unknown>({
        fetchPage: (cursor) => {
          const portOptions: ListOptions = { cursor, pageSize: pageSize ?? options.pageSize, signal };
          return invoke<Page<unknown>>(operation, [...args, portOptions], signal);
        },
        idOf: (item) => spec.idOf(item),
        signal,
        vendor,
        operation,
      });
    } catch (error) {
      return failedList(error);
    }
  };

  /** Every method of one port, built from the operation table. */
  const facadePort = <P extends PortName>(port: P): FacadePort<P> => {
    const methods = new Map<string, unknown>();
    for (const operation of OPERATIONS) {
      const [name, method] = splitOperation(operation);
      if (name !== port) continue;
      const spec: OperationSpec = OPERATION_TABLE[operation];
      methods.set(
        method,
        spec.kind === 'list'
          ? (...given: unknown[]) => list(operation, spec, given)
          : (...given: unknown[]) => call(operation, spec, given),
      );
    }
    // The one place where the table's runtime shape meets its derived type: each method
    // above is built from the spec of the operation its key names.
    return Object.fromEntries(methods) as FacadePort<P>;
  };

  return {
    name: vendor,
    capabilities: adapter.capabilities,
    supports: (name: CapabilityName) => hasCapability(adapter.capabilities, name),
    check: (operation, ...args) => check(operation, args),
    prerequisite: async (operation, options) => {
      if (!hasCapability(adapter.capabilities, operation))
        return new OrgPortError('unsupported', `${vendor} does not support ${operation}`, { vendor });
      const reason = await adapter.inputRules?.prerequisite?.(operation, options?.signal);
      return reason === undefined
        ? undefined
        : new OrgPortError('failed_precondition', `${operation}: ${reason}`, { vendor });
    },
    organizationName: (name) => adapter.inputRules?.organizationName?.(name) ?? name,
    organizations: facadePort('organizations'),
    members: facadePort('members'),
    admins: facadePort('admins'),
    billingManagers: facadePort('billingManagers'),
    permissions: facadePort('permissions'),
    invitations: facadePort('invitations'),
    connections: facadePort('connections'),
    products: facadePort('products'),
    clientGrants: facadePort('clientGrants'),
    users: facadePort('users'),
    unwrap: () => adapter,
    close: async () => {
      await adapter.close?.();
    },
  };
}
