import { createDirectory, type Directory } from '@orgport/core';
import type { HttpTransportOptions } from '@orgport/core/driver';
import { vendorNamed } from '../vendors/vendors.js';
import type { ConnectionSpec } from './connection-spec.js';

/** Builds a directory over the adapter a connection names (loading the adapter's code). */
export async function openDirectory(spec: ConnectionSpec, http?: HttpTransportOptions): Promise<Directory> {
  const connector = await vendorNamed(spec.vendor).load();
  return createDirectory(connector.create(spec.settings, http));
}
