import type { VendorConnector } from '@orgport/core/driver';
import { z } from 'zod';
import { createVendorTemplateAdapter } from './create-vendor-template-adapter.js';

/** VendorTemplate connection settings as a config file or the environment gives them. */
export const VendorTemplateConnectionSchema = z
  .object({ baseUrl: z.string().min(1), apiKey: z.string().min(1) })
  .strict();

/** VendorTemplate connection settings. */
export type VendorTemplateConnection = z.infer<typeof VendorTemplateConnectionSchema>;

/** The VendorTemplate adapter's code as the vendor registry loads it. */
export const vendorTemplateConnector: VendorConnector<VendorTemplateConnection> = {
  connectionSchema: VendorTemplateConnectionSchema,
  create: (settings, http) => createVendorTemplateAdapter({ ...settings, http }),
};
