import { z } from 'zod';

/** A resolved connection: the vendor's name and its validated settings. */
export interface ConnectionSpec {
  /** A vendor of the registry. */
  readonly vendor: string;
  /** Settings validated by the vendor's `connectionSchema`. */
  readonly settings: object;
}

/** `orgport.config.json`: named connections. String values `env:NAME` are read from the environment. */
export const ConfigFileSchema = z
  .object({
    connections: z.record(z.string().min(1), z.record(z.string(), z.unknown())).default({}),
  })
  .strict();
