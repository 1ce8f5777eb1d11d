import { compose, type Handler, router } from '../http/context.js';
import { injectFaults } from '../http/faults.js';
import { recordRequest } from '../http/record.js';
import { registryHeaders } from '../registry/respond.js';
import { tokenService } from '../registry/token-service.js';
import { notFound } from '../routes/not-found.js';
import { packagesRoutes } from '../routes/packages.js';
import { probesRoutes } from '../routes/probes.js';
import { reposRoutes } from '../routes/repos.js';
import { secretsRoutes } from '../routes/secrets.js';
import { userRoutes } from '../routes/user.js';
import { usersRoutes } from '../routes/users.js';
import { authenticate } from './authenticate.js';
import { githubHeaders, requireUserAgent } from './headers.js';

/**
 * The api.github.com listener: record → headers → faults → User-Agent → auth → routes. `GET /token` is the registry's
 * token service, served here too: a real docker-registry in a test rig names its realm on another listener, and crpat
 * sends the token only to the API's and the registry's origins, so the rig points the realm at the API's
 * (`${sim.apiUrl}/token`). api.github.com has no such path; nothing else changes.
 */
export function apiHandler(): Handler {
  const routes = router([...userRoutes, ...usersRoutes, ...reposRoutes, ...probesRoutes, ...packagesRoutes, ...secretsRoutes], notFound);
  const api = compose([recordRequest, githubHeaders, injectFaults, requireUserAgent, authenticate], routes);
  const token = compose([recordRequest, registryHeaders, injectFaults], tokenService);
  return (ctx) => (ctx.method === 'GET' && ctx.url.pathname === '/token' ? token(ctx) : api(ctx));
}
