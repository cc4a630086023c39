import { createDirectory, type Directory } from '@orgport/core';
import type { HttpEventListener } from '@orgport/core/driver';
import { vendorNamed } from '../vendors/vendor-registry.js';
import type { ConnectionSpec } from './connection-spec.js';

/** Builds a directory over the adapter a connection names. */
export function openDirectory(spec: ConnectionSpec, onEvent?: HttpEventListener): Directory {
  const http = onEvent ? { onEvent } : undefined;
  return createDirectory(vendorNamed(spec.vendor).create(spec.settings, http));
}
