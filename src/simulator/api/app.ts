import { compose, type Handler, router } from '../http/context.js';
import { injectFaults } from '../http/faults.js';
import { recordRequest } from '../http/record.js';
import { notFound } from '../routes/not-found.js';
import { probesRoutes } from '../routes/probes.js';
import { reposRoutes } from '../routes/repos.js';
import { secretsRoutes } from '../routes/secrets.js';
import { userRoutes } from '../routes/user.js';
import { usersRoutes } from '../routes/users.js';
import { authenticate } from './authenticate.js';
import { githubHeaders, requireUserAgent } from './headers.js';

/** The api.github.com listener: record → headers → faults → User-Agent → auth → routes. */
export function apiHandler(): Handler {
  const routes = router([...userRoutes, ...usersRoutes, ...reposRoutes, ...probesRoutes, ...secretsRoutes], notFound);
  return compose([recordRequest, githubHeaders, injectFaults, requireUserAgent, authenticate], routes);
}
