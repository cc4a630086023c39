import type { User } from '../domain/index.js';
import type { CallOptions } from './call-options.js';

/** Users of the vendor tenant, as an adapter implements them. */
export interface UserPort {
  /**
   * The user with this email (compared without regard to case), or undefined. When the
   * vendor holds several, the first. Capability `users.findByEmail`.
   */
  findByEmail?(email: string, options: CallOptions): Promise<User | undefined>;
}
