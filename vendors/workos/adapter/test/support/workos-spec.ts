import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { load } from 'js-yaml';
import type { RecordedExchange } from './recording-proxy.js';

interface SpecDocument {
  readonly paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content?: Record<string, unknown> };
        responses?: Record<string, { content?: Record<string, unknown> }>;
      }
    >
  >;
}

const pointer = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * WorkOS's OpenAPI spec as published on npm (`@workos/openapi-spec` 0.1.0, OpenAPI 3.1, so
 * its schemas are JSON Schema 2020-12), loaded from the installed package, with a check of
 * recorded answers against the response schema of their operation and status.
 */
export class WorkOSSpec {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly document: SpecDocument;
  private readonly templates: { template: string; pattern: RegExp; literal: number }[];

  constructor() {
    const file = createRequire(import.meta.url).resolve('@workos/openapi-spec/spec');
    this.document = load(readFileSync(file, 'utf8')) as SpecDocument;
    addFormats.default(this.ajv);
    this.ajv.addSchema(this.document as object, 'workos');
    this.templates = Object.keys(this.document.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      literal: template.replace(/\{[^}]+\}/g, '').length,
    }));
  }

  /** The spec's path template for a concrete path (the most literal match). */
  templateOf(path: string): string | undefined {
    return this.templates
      .filter((candidate) => candidate.pattern.test(path))
      .sort((a, b) => b.literal - a.literal)[0]?.template;
  }

  /**
   * Checks one answer: `undefined` when the spec has no JSON schema for its answer, else
   * the deviations (`<operation> <status> <where>: <what>`, list indices shown as `*`).
   */
  check(exchange: RecordedExchange): string[] | undefined {
    const template = this.templateOf(exchange.path);
    const method = exchange.method.toLowerCase();
    if (!template || exchange.body === '') return undefined;
    const responses = this.document.paths[template]?.[method]?.responses;
    const status = String(exchange.status);
    if (!responses?.[status]?.content?.['application/json']) return undefined;
    const ref = `workos#/paths/${pointer(template)}/${method}/responses/${status}/content/application~1json/schema`;
    const validate = this.ajv.getSchema(ref);
    if (!validate) throw new Error(`no schema at ${ref}`);
    if (validate(JSON.parse(exchange.body))) return [];
    const operation = `${exchange.method} ${template} ${status}`;
    return (validate.errors ?? [])
      .filter((error) => error.keyword !== 'if' && error.keyword !== 'oneOf' && error.keyword !== 'anyOf')
      .map((error) => {
        const where = error.instancePath.replace(/\/\d+(?=\/|$)/g, '/*') || '/';
        const what =
          error.keyword === 'required'
            ? `missing ${(error.params as { missingProperty: string }).missingProperty}`
            : (error.message ?? error.keyword);
        return `${operation} ${where}: ${what}`;
      });
  }

  /**
   * Checks the request body the client sent against the operation's request schema:
   * `undefined` when the spec has none (or the request had no body), else the deviations.
   */
  checkRequest(exchange: RecordedExchange): string[] | undefined {
    const template = this.templateOf(exchange.path);
    const method = exchange.method.toLowerCase();
    if (!template || exchange.requestBody === '') return undefined;
    if (!this.document.paths[template]?.[method]?.requestBody?.content?.['application/json'])
      return undefined;
    const ref = `workos#/paths/${pointer(template)}/${method}/requestBody/content/application~1json/schema`;
    const validate = this.ajv.getSchema(ref);
    if (!validate) throw new Error(`no schema at ${ref}`);
    if (validate(JSON.parse(exchange.requestBody))) return [];
    return (validate.errors ?? []).map(
      (error) =>
        `request ${exchange.method} ${template} ${error.instancePath || '/'}: ${error.message ?? error.keyword}`,
    );
  }

  /** Every distinct deviation of the exchanges (answers and request bodies), sorted, and how many answers had a schema. */
  deviations(exchanges: readonly RecordedExchange[]): { checked: number; deviations: string[] } {
    const found = new Set<string>();
    let checked = 0;
    for (const exchange of exchanges) {
      const result = this.check(exchange);
      if (result === undefined) continue;
      checked++;
      for (const deviation of result) found.add(deviation);
    }
    for (const exchange of exchanges)
      for (const deviation of this.checkRequest(exchange) ?? []) found.add(deviation);
    return { checked, deviations: [...found].sort() };
  }
}
