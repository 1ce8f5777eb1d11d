import { describe, expect, it } from 'vitest';
import { inputVariable, readInputs } from '../../../src/action/inputs.js';

describe('inputVariable', () => {
  it.each([
    ['token', 'INPUT_TOKEN'],
    ['api-url', 'INPUT_API-URL'],
    ['fail-on', 'INPUT_FAIL-ON'],
    ['some name', 'INPUT_SOME_NAME'],
  ])('%s → %s', (name, variable) => {
    expect(inputVariable(name)).toBe(variable);
  });
});

describe('readInputs', () => {
  const base = { GITHUB_REPOSITORY: 'acme/api', GITHUB_API_URL: 'https://api.github.com', INPUT_TOKEN: ' ghp_x \n' };

  it('defaults: the workflow repository and API URL, push, fail-on fail; inputs trimmed', () => {
    expect(readInputs(base)).toEqual({
      ok: true,
      value: { token: 'ghp_x', repository: 'acme/api', image: null, registry: 'ghcr.io', apiUrl: 'https://api.github.com', profile: 'push', workflowRepository: 'acme/api', failOn: 'fail', warnDays: 7, trace: null },
    });
  });

  it('warn-days: a whole number of days; anything else is one clear error', () => {
    expect(readInputs({ ...base, 'INPUT_WARN-DAYS': ' 14 ' })).toMatchObject({ ok: true, value: { warnDays: 14 } });
    expect(readInputs({ ...base, 'INPUT_WARN-DAYS': 'two weeks' })).toEqual({ ok: false, reason: 'Unknown value "two weeks" for the input "warn-days": use a whole number of days, e.g. 14.' });
    expect(readInputs({ ...base, 'INPUT_WARN-DAYS': '-1' })).toMatchObject({ ok: false });
  });

  it('inputs win over the workflow defaults', () => {
    const env = { ...base, INPUT_REPOSITORY: 'octo/other', 'INPUT_API-URL': 'http://127.0.0.1:1', INPUT_REGISTRY: '127.0.0.1:2', INPUT_IMAGE: 'img', 'INPUT_FAIL-ON': 'warn', INPUT_FOR: 'push' };
    expect(readInputs(env)).toMatchObject({ ok: true, value: { repository: 'octo/other', apiUrl: 'http://127.0.0.1:1', registry: '127.0.0.1:2', image: 'img', failOn: 'warn' } });
  });

  it('on an Enterprise server, the endpoints come from the runner and owner/name becomes a URL on that host', () => {
    const ghes = { ...base, GITHUB_SERVER_URL: 'https://ghe.example.com', GITHUB_API_URL: 'https://ghe.example.com/api/v3' };
    expect(readInputs(ghes)).toMatchObject({ value: { repository: 'https://ghe.example.com/acme/api', apiUrl: 'https://ghe.example.com/api/v3', registry: 'containers.ghe.example.com' } });
    const gheCom = { ...base, GITHUB_SERVER_URL: 'https://octo.ghe.com', GITHUB_API_URL: 'https://api.octo.ghe.com' };
    expect(readInputs(gheCom)).toMatchObject({ value: { repository: 'https://octo.ghe.com/acme/api', apiUrl: 'https://api.octo.ghe.com', registry: 'containers.octo.ghe.com' } });
    expect(readInputs({ ...base, GITHUB_SERVER_URL: 'https://github.com' })).toMatchObject({ value: { repository: 'acme/api', registry: 'ghcr.io' } });
  });

  it('never takes endpoints from the host of the repository input', () => {
    // The runner is github.com: a repository URL on another host does not move the token there.
    expect(readInputs({ ...base, INPUT_REPOSITORY: 'https://evil.example/acme/api' })).toEqual({
      ok: false,
      reason: 'The input "repository": the repository is on evil.example, but the api-url input names api.github.com: crpat takes evil.example for a GitHub Enterprise Server only when the api-url input is on that host, so it sent nothing.',
    });
    expect(readInputs({ ...base, INPUT_REPOSITORY: 'https://gitlab.com/acme/api' })).toMatchObject({ ok: false, reason: expect.stringContaining('gitlab.com is GitLab, not GitHub') });
    // Without GITHUB_API_URL either, the endpoints are still the runner's github.com ones.
    expect(readInputs({ ...base, GITHUB_API_URL: undefined, INPUT_REPOSITORY: 'https://github.com/acme/api' })).toMatchObject({ value: { apiUrl: 'https://api.github.com', registry: 'ghcr.io' } });
  });

  it.each([
    [{ INPUT_FOR: 'pull' }, /Unknown value for the input "for": use one of push, deploy\./],
    [{ 'INPUT_FAIL-ON': 'error' }, /Unknown value "error" for the input "fail-on"/],
    [{ GITHUB_REPOSITORY: '' }, /No repository/],
  ])('refuses %j', (extra, reason) => {
    const result = readInputs({ ...base, ...extra });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
