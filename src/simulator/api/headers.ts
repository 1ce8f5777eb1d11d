import type { Middleware } from '../http/context.js';
import { newRequestId } from '../http/request-id.js';
import { sendGitHubError } from '../http/send.js';
import { DOCS, REST } from '../messages.js';

/** API versions GitHub supports today (ledger github-api §2.1). */
const SUPPORTED_VERSIONS = ['2022-11-28', '2026-03-10'];

/**
 * Headers on every api.github.com response (ledger github-api §2.1, §2.3): request id, media type, and the selected
 * API version echoed back (`2022-11-28` when none or an unknown one was asked for [inferred]; the real 400 for an
 * unsupported version has no captured message, open question 8, so it is not simulated).
 */
export const githubHeaders: Middleware = (ctx, next) => {
  const asked = ctx.req.headers['x-github-api-version'];
  const version = typeof asked === 'string' && SUPPORTED_VERSIONS.includes(asked) ? asked : '2022-11-28';
  ctx.res.setHeader('x-github-request-id', newRequestId(ctx.state.now()));
  ctx.res.setHeader('x-github-media-type', 'github.v3; format=json');
  ctx.res.setHeader('x-github-api-version-selected', version);
  return next();
};

/** Requests without a User-Agent get a 403 (ledger github-api §2.1; documentation_url [inferred]). */
export const requireUserAgent: Middleware = (ctx, next) => {
  const agent = ctx.req.headers['user-agent'];
  if (agent === undefined || agent.trim() === '') return sendGitHubError(ctx, 403, REST.userAgentRequired, DOCS.rest);
  return next();
};
