import { describe, expect, it } from 'vitest';
import { type ActionDeps, runAction } from '../../src/action/run.js';
import { checkToken } from '../../src/pipeline/check-token.js';
import { checkTokenMany } from '../../src/pipeline/check-token-many.js';
import { UsageError } from '../../src/errors.js';

// A token given as the image or the repository is refused before anything is sent, and never repeated: lower-cased
// into an image name, the runner's mask would no longer hide it (issue 11, "An image that is the token").

const TOKEN = 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB';
const INSTALLATION = 'ghs_12345_eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIxMjM0NSJ9.c2lnbmF0dXJlLXBhcnQ';
const noFetch: typeof fetch = async () => {
  throw new Error('nothing may be sent');
};

describe('the library refuses token-shaped names', () => {
  it.each([
    ['image', { repository: 'acme/api', image: TOKEN }],
    ['image (an installation token)', { repository: 'acme/api', image: INSTALLATION }],
    ['image path segment', { repository: 'acme/api', image: `tools/${TOKEN}` }],
    ['repository name', { repository: `acme/${TOKEN}` }],
    ['repository URL', { repository: `https://github.com/acme/${TOKEN}` }],
    ['repository object', { repository: { host: 'github.com', owner: 'acme', name: TOKEN } }],
  ])('checkToken: %s', async (_what, options) => {
    const error = await checkToken({ token: TOKEN, ...options }, { fetch: noFetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/looks like a token, not a name/);
    expect((error as Error).message).not.toContain(TOKEN.slice(4));
    expect((error as Error).message.toLowerCase()).not.toContain(TOKEN.slice(4).toLowerCase());
  });

  it('checkTokenMany: a token among the repositories', async () => {
    const error = await checkTokenMany({ token: TOKEN, repositories: ['acme/api', `acme/${TOKEN}`] }, { fetch: noFetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).not.toContain(TOKEN.slice(4).toLowerCase());
  });
});

describe('the Action refuses token-shaped inputs', () => {
  it.each([
    ['image', { INPUT_IMAGE: INSTALLATION }],
    ['repository', { INPUT_REPOSITORY: `acme/${INSTALLATION}` }],
  ])('%s: one ::error, exit 1, the token in no log line, output or summary', async (_what, inputs) => {
    let stdout = '';
    const files = new Map<string, string>();
    const deps: ActionDeps = {
      write: (text) => void (stdout += text),
      appendFile: async (path, text) => void files.set(path, (files.get(path) ?? '') + text),
      readFile: async () => '{}',
      checkToken: (options, d) => checkToken(options, { ...d, fetch: noFetch }),
    };
    const env = { INPUT_TOKEN: TOKEN, GITHUB_REPOSITORY: 'acme/api', GITHUB_OUTPUT: '/out', GITHUB_STEP_SUMMARY: '/sum', ...inputs };
    expect(await runAction(env, deps)).toBe(1);
    expect(stdout).toMatch(/::error title=crpat::the (image name|repository) looks like a token/);
    const everything = (stdout.split('\n').slice(1).join('\n') + [...files.values()].join('')).toLowerCase();
    expect(everything).not.toContain(INSTALLATION.slice(4).toLowerCase());
  });
});
