// How lab cmdlets reach the session's endpoints (Start-/Get-/Stop-LabEndpoint, Test-LabClient,
// the 2007 test cmdlets): a service the composition registers. The endpoint code (node:http,
// node:tls, the listeners) loads on first use, so the shell starts without it.

import { serviceKey, type CmdletContext } from '../../protocol/cmdlet.js';
import type { EndpointSet } from '../../exchange/endpoints/listeners.js';

export interface LabEndpointService {
  /** The session's endpoint set, created (and its code loaded) on first use. */
  endpoints(): Promise<EndpointSet>;
}

export const LabEndpointsKey = serviceKey<LabEndpointService>('labEndpoints');

export function labEndpoints(ctx: CmdletContext): Promise<EndpointSet> {
  return ctx.services.get(LabEndpointsKey).endpoints();
}
