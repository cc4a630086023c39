import { z } from 'zod';
import { IdSchema } from './id.js';

/** A product inside an organization; product-scoped permission groups belong to one. */
export const ProductSchema = z
  .object({
    id: IdSchema,
    organizationId: IdSchema,
    name: z.string(),
    description: z.string().optional(),
  })
  .readonly();

/** A product; see {@link ProductSchema}. */
export interface Product {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly description?: string | undefined;
}
