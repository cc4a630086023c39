import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';

const FIXTURE = new URL('../spec/clerk-bapi-2026-05-12.schemas.json', import.meta.url);

/** The spec fixture: where it came from, and its schemas. */
export const clerkSpec = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
  readonly source: {
    readonly repository: string;
    readonly path: string;
    readonly commit: string;
    readonly apiVersion: string;
  };
  readonly components: { readonly schemas: Readonly<Record<string, unknown>> };
};

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema: a null type beside the declared one, or
 * null as an alternative to a composed schema (`$ref`, `allOf`, `oneOf`, `anyOf`). `discriminator` (with a
 * mapping Ajv lacks) is left to `oneOf`; int64 and other formats are annotations here.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const { nullable, discriminator: _discriminator, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, toJsonSchema(value)]),
  );
  if (nullable !== true) return converted;
  const composed = ['oneOf', 'anyOf', 'allOf', '$ref'].some((key) => key in converted);
  if (typeof converted.type === 'string' && !composed) {
    const withNull = { ...converted, type: [converted.type, 'null'] };
    return Array.isArray(converted.enum) ? { ...withNull, enum: [...converted.enum, null] } : withNull;
  }
  return { anyOf: [converted, { type: 'null' }] };
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema(toJsonSchema(clerkSpec) as object, 'clerk-bapi');

/** A response schema of the spec by component name, e.g. `OrganizationMemberships`. */
export type SpecSchemaName = keyof typeof clerkSpec.components.schemas & string;

/** One violation: where in the body, and what the spec wanted. */
export interface SpecViolation {
  readonly path: string;
  readonly problem: string;
}

/** Checks a body against a component schema of the spec; an empty list means it conforms. */
export function specViolations(schema: SpecSchemaName, body: unknown): SpecViolation[] {
  const validate = ajv.getSchema(`clerk-bapi#/components/schemas/${schema}`);
  if (!validate) throw new Error(`no schema ${schema} in the spec fixture`);
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error: ErrorObject) => ({
    path: error.instancePath || '/',
    problem: `${error.keyword}${error.params && 'missingProperty' in error.params ? ` ${String(error.params.missingProperty)}` : ''}${error.params && 'additionalProperty' in error.params ? ` ${String(error.params.additionalProperty)}` : ''}${error.keyword === 'type' ? ` ${String((error.params as { type?: unknown }).type)}` : ''}`,
  }));
}
