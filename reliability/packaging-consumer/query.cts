// A strict TypeScript CommonJS user: require() of the ES modules, which TypeScript allows
// under `module: nodenext` (TypeScript >= 5.8) and Node.js runs from 20.19 on.
import orgport = require('@orgport/core');

export function isMissing(error: unknown): boolean {
  return orgport.OrgPortError.is(error, 'not_found');
}
