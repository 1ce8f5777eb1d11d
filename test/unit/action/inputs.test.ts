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
      value: { token: 'ghp_x', repository: 'acme/api', image: null, registry: null, apiUrl: 'https://api.github.com', profile: 'push', workflowRepository: 'acme/api', failOn: 'fail' },
    });
  });

  it('inputs win over the workflow defaults', () => {
    const env = { ...base, INPUT_REPOSITORY: 'octo/other', 'INPUT_API-URL': 'http://127.0.0.1:1', INPUT_REGISTRY: '127.0.0.1:2', INPUT_IMAGE: 'img', 'INPUT_FAIL-ON': 'warn', INPUT_FOR: 'push' };
    expect(readInputs(env)).toMatchObject({ ok: true, value: { repository: 'octo/other', apiUrl: 'http://127.0.0.1:1', registry: '127.0.0.1:2', image: 'img', failOn: 'warn' } });
  });

  it('on an Enterprise server, owner/name becomes a URL on that host (so the registry is derived from it)', () => {
    expect(readInputs({ ...base, GITHUB_SERVER_URL: 'https://ghe.example.com' })).toMatchObject({ value: { repository: 'https://ghe.example.com/acme/api' } });
    expect(readInputs({ ...base, GITHUB_SERVER_URL: 'https://github.com' })).toMatchObject({ value: { repository: 'acme/api' } });
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
