import { describe, expect, it } from 'vitest';
import { checkToken, checkTokenMany, UsageError } from '../../src/index.js';

// README "Library": checkToken "rejects only with UsageError for bad input". A JavaScript caller has no compiler to
// catch a missing or mistyped option; each used to reject with a TypeError from deep inside ("Cannot read properties
// of undefined (reading 'trim')"). Nothing is sent: every case is refused before a request.
const TOKEN = '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';

describe('checkToken() with options of the wrong shape rejects with one UsageError line', () => {
  it.each<[string, unknown, RegExp]>([
    ['no options', undefined, /options must be an object/],
    ['null', null, /options must be an object/],
    ['no repository', { token: TOKEN }, /repository option/],
    ['a number as repository', { repository: 42, token: TOKEN }, /repository option/],
    ['an object without host, owner and name as repository', { repository: {}, token: TOKEN }, /repository option/],
    ['no token', { repository: 'octocat/hello-world' }, /token option/],
    ['a number as token', { repository: 'octocat/hello-world', token: 42 }, /token option/],
    ['a number as apiUrl', { repository: 'octocat/hello-world', token: TOKEN, apiUrl: 42 }, /apiUrl option/],
    ['a number as registry', { repository: 'octocat/hello-world', token: TOKEN, registry: 42 }, /registry option/],
    ['a number as image', { repository: 'octocat/hello-world', token: TOKEN, image: 42 }, /image option/],
    ['a string as timeoutSeconds', { repository: 'octocat/hello-world', token: TOKEN, timeoutSeconds: '5' }, /timeoutSeconds/],
    ['a timeoutSeconds beyond an hour', { repository: 'octocat/hello-world', token: TOKEN, timeoutSeconds: 1e9 }, /timeoutSeconds must be .* at most 3600/],
  ])('%s', async (_name, options, reason) => {
    const rejection = await checkToken(options as Parameters<typeof checkToken>[0]).then(
      () => null,
      (error: unknown) => error,
    );
    expect(rejection).toBeInstanceOf(UsageError);
    expect((rejection as Error).message).toMatch(reason);
    expect((rejection as Error).message).not.toContain('\n');
  });
});

describe('checkTokenMany() with options of the wrong shape rejects with one UsageError line', () => {
  it.each<[string, unknown, RegExp]>([
    ['no options', undefined, /options must be an object/],
    ['no repositories', { token: TOKEN }, /repositories option/],
    ['a string as repositories', { repositories: 'octocat/hello-world', token: TOKEN }, /repositories option/],
    ['no token', { repositories: ['octocat/hello-world'] }, /token option/],
  ])('%s', async (_name, options, reason) => {
    const rejection = await checkTokenMany(options as Parameters<typeof checkTokenMany>[0]).then(
      () => null,
      (error: unknown) => error,
    );
    expect(rejection).toBeInstanceOf(UsageError);
    expect((rejection as Error).message).toMatch(reason);
  });
});

describe('checkTokenMany() names its own option, not a CLI flag', () => {
  it('image with several repositories is refused in the words of the library (the image option)', async () => {
    const rejection = await checkTokenMany({ repositories: ['acme/api', 'acme/web'], token: TOKEN, image: 'acme/one' }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(rejection).toBeInstanceOf(UsageError);
    expect((rejection as Error).message).toMatch(/^the image option names one package, so it takes a single repository; .*\(drop the image option, or check that repository alone\)$/);
    expect((rejection as Error).message).not.toContain('--image');
  });
});
