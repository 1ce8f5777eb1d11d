import { describe, expect, it } from 'vitest';
import { chooseWriter, describeWriter } from '../../../src/secrets/writer.js';

describe('chooseWriter', () => {
  it.each([
    [{ GH_TOKEN: 'gh', GITHUB_TOKEN: 'github' }, 'GH_TOKEN', 'gh'],
    [{ GH_TOKEN: '  ', GITHUB_TOKEN: ' github\n' }, 'GITHUB_TOKEN', 'github'],
    [{ GITHUB_TOKEN: '' }, 'stored', 'stored-token'],
    [{}, 'stored', 'stored-token'],
  ])('%j → %s', (env, source, token) => {
    expect(chooseWriter(env, ' stored-token\n')).toEqual({ source, token });
  });

  it('describes the writer without the token', () => {
    expect(describeWriter({ source: 'GH_TOKEN', token: 'ghp_x' }, 'ghp_****')).toBe('GH_TOKEN from the environment (ghp_****)');
    expect(describeWriter({ source: 'stored', token: 'ghp_x' }, 'ghp_****')).toBe('the token being stored (ghp_****)');
  });
});
