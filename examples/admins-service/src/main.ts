#!/usr/bin/env node
// ORGPORT_VENDOR=auth0 ORGPORT_AUTH0_DOMAIN=… ORGPORT_AUTH0_CLIENT_ID=… ORGPORT_AUTH0_CLIENT_SECRET=… \
//   PORT=8080 node dist/main.js
import { OrgPortError } from '@orgport/core';
import { startAdminsService } from './admins-service.js';
import { directoryFromEnvironment } from './directory-from-environment.js';
import { SERVICE_VENDORS } from './vendors.js';

try {
  const { vendor, directory } = await directoryFromEnvironment(SERVICE_VENDORS);
  const service = await startAdminsService(directory, { port: Number(process.env['PORT'] ?? 8080) });
  console.log(`admins of any ${vendor} organization: GET ${service.url}/organizations/{id}/admins`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void service.close());
} catch (error) {
  console.error(OrgPortError.is(error) ? `${error.code}: ${error.message}` : error);
  process.exitCode = 2;
}
