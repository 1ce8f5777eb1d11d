import { compose, type Handler, router } from '../http/context.js';
import { injectFaults } from '../http/faults.js';
import { recordRequest } from '../http/record.js';
import type { RegistryMode } from '../state.js';
import { frontHandler } from './front.js';
import { injectIncidents } from './incidents.js';
import { pageNotFound, registryHeaders } from './respond.js';
import { tokenService } from './token-service.js';
import { v2SimRoutes } from './v2-sim.js';

/** The ghcr.io listener: `/token` always ours; `/v2/*` simulated, or proxied to a real registry in front mode. */
export function registryHandler(mode: RegistryMode): Handler {
  const tokenRoute = { method: 'GET', pattern: /^\/token$/, handle: tokenService };
  const front = mode.mode === 'front' ? frontHandler(mode.upstream) : null;
  const v2 = front
    ? ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) => ({ method, pattern: /^\/v2\//, handle: front }))
    : v2SimRoutes;
  return compose([recordRequest, registryHeaders, injectFaults, injectIncidents], router([tokenRoute, ...v2], pageNotFound));
}
