import { z } from 'zod';
import { IdSchema } from './id.js';

/** The whole organization: where Auth0 organization roles live. */
export const OrganizationScopeSchema = z.object({ type: z.literal('organization') }).readonly();

/** One product inside the organization: where product permission groups live. */
export const ProductScopeSchema = z
  .object({ type: z.literal('product'), productId: IdSchema, productName: z.string().optional() })
  .readonly();

/** Where a permission group applies: the organization, or one of its products. */
export const GrantScopeSchema = z.discriminatedUnion('type', [OrganizationScopeSchema, ProductScopeSchema]);

/** The whole organization; see {@link OrganizationScopeSchema}. */
export interface OrganizationScope {
  readonly type: 'organization';
}

/** One product of the organization; see {@link ProductScopeSchema}. */
export interface ProductScope {
  readonly type: 'product';
  readonly productId: string;
  readonly productName?: string | undefined;
}

/** Where a permission group applies; see {@link GrantScopeSchema}. */
export type GrantScope = OrganizationScope | ProductScope;

/** A stable string key for a scope (`organization`, `product:<id>`), for maps and diffs. */
export function scopeKey(scope: GrantScope): string {
  return scope.type === 'organization' ? 'organization' : `product:${scope.productId}`;
}
