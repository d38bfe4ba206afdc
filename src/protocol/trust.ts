// What the lab tells the engine about certificate trust: the root certificates the machine the
// shell is on trusts (its LocalMachine\Root store), for X509Certificate2.Verify().

import { serviceKey, type ServiceKey } from './cmdlet.js';

export interface TrustedRoots {
  /** PEM text of each trusted root of the current machine. */
  rootPems(): string[];
}

export const TrustedRootsKey: ServiceKey<TrustedRoots> = serviceKey<TrustedRoots>('trustedRoots');
