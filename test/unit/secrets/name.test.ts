import { describe, expect, it } from 'vitest';
import { validateSecretName } from '../../../src/secrets/name.js';

// ledger github-api §7: [A-Za-z0-9_] only, not starting with a digit or GITHUB_; CR_PAT is valid.
describe('validateSecretName', () => {
  it.each(['CR_PAT', 'cr_pat', '_LEADING', 'A1', 'GITHUBX', 'MY_GITHUB_TOKEN'])('accepts %s', (name) => {
    expect(validateSecretName(name)).toEqual({ ok: true, value: name });
  });

  it.each([
    ['', /empty/],
    ['CR PAT', /only letters, digits and _/],
    ['CR-PAT', /only letters, digits and _/],
    ['ÉCR', /only letters, digits and _/],
    ['1PAT', /digit/],
    ['GITHUB_TOKEN', /GITHUB_/],
    ['github_pat', /GITHUB_/],
    ['A\nB', /A\\nB/],
  ])('refuses %j', (name, reason) => {
    const result = validateSecretName(name);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
