import { describe, expect, it } from 'vitest';
import { looksLikeToken } from '../../../src/token/looks-like-token.js';

// The one recogniser of a token typed where a name belongs (arguments, repositories, image names, repos files).

const CLASSIC = 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB';
const INSTALLATION_2026 = `ghs_12345_${'eyJhbGciOiJSUzI1NiJ9'}.${'eyJpc3MiOiIxMjM0NSJ9'}.${'c2lnbmF0dXJlLXBhcnQ'}`;

describe('looksLikeToken', () => {
  it.each([
    ['a classic token', CLASSIC],
    ['a fine-grained token', `github_pat_${'A'.repeat(22)}_${'b'.repeat(59)}`],
    ['a 2026 installation token (dots, underscores)', INSTALLATION_2026],
    ['a bare prefix, as an argument starts', 'ghs_'],
    ['a token inside a longer name', `acme-${CLASSIC.toLowerCase()}`],
  ])('%s → yes', (_name, text) => {
    expect(looksLikeToken(text)).toBe(true);
  });

  it.each([
    ['an ordinary repository name', 'hello-world'],
    ['a name with a short gh?_ word in it', 'cache-ghs_v2'],
    ['an owner/name', 'octocat/hello-world'],
  ])('%s → no', (_name, text) => {
    expect(looksLikeToken(text)).toBe(false);
  });
});
