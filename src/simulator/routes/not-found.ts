import type { Ctx } from '../http/context.js';
import { sendGitHubError } from '../http/send.js';
import { DOCS, REST } from '../messages.js';

/** Any other path, trailing slashes included (ledger github-api §3): 404 `Not Found`, docs root. */
export function notFound(ctx: Ctx): void {
  sendGitHubError(ctx, 404, REST.notFound, DOCS.rest);
}
