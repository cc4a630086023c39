import type { Product } from '../domain/index.js';
import type { ListOptions } from './call-options.js';
import type { Page } from './page.js';

/** Products of an organization, as an adapter implements them. */
export interface ProductPort {
  /** One page of the organization's products. Capability `products.list`. */
  list?(organizationId: string, options: ListOptions): Promise<Page<Product>>;
}
