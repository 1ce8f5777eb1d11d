import { describe, expect, it } from 'vitest';
import { INPUT_WORDS } from '../../../src/action/inputs.js';
import { FLAG_WORDS } from '../../../src/cli/setting-words.js';
import { NetError, netAdvice, type NetErrorKind } from '../../../src/http/net-error.js';
import { OPTION_WORDS } from '../../../src/settings.js';

// The transport says what went wrong and which setting matters; each shell names the setting its own way: the CLI by
// its flag, the Action by its input, the library by its option.

const advice = (kind: NetErrorKind, endpoint: 'apiUrl' | 'registry', words = FLAG_WORDS) => netAdvice(new NetError(kind, 'x'), endpoint, words);

describe('netAdvice in each shell’s words', () => {
  it.each([
    ['CLI', FLAG_WORDS, 'Check the host name (--api-url) and this machine\'s network and DNS.'],
    ['Action', INPUT_WORDS, 'Check the host name (the api-url input) and this machine\'s network and DNS.'],
    ['library', OPTION_WORDS, 'Check the host name (the apiUrl option) and this machine\'s network and DNS.'],
  ])('%s: a host name that does not resolve names the API address setting', (_shell, words, want) => {
    expect(advice('dns', 'apiUrl', words)).toBe(want);
  });

  it.each([
    ['CLI', FLAG_WORDS, 'If it serves plain http (allowed only on a loopback host), pass --registry http://host:port.'],
    ['Action', INPUT_WORDS, 'If it serves plain http (allowed only on a loopback host), set the registry input to http://host:port.'],
    ['library', OPTION_WORDS, 'If it serves plain http (allowed only on a loopback host), set the registry option to http://host:port.'],
  ])('%s: plain http on a TLS port says how to give the registry an http address', (_shell, words, want) => {
    expect(advice('not-tls', 'registry', words)).toBe(want);
  });

  it.each([
    ['CLI', FLAG_WORDS, 'Try again; on a slow network or behind a proxy, raise --timeout.'],
    // The Action has no timeout input: nothing to raise.
    ['Action', INPUT_WORDS, 'Try again.'],
    ['library', OPTION_WORDS, 'Try again; on a slow network or behind a proxy, raise the timeoutSeconds option.'],
  ])('%s: a timeout says to raise the timeout only where there is one', (_shell, words, want) => {
    expect(advice('timeout', 'apiUrl', words)).toBe(want);
  });

  it('no shell’s words leak into another’s: the Action and the library never name a flag', () => {
    const kinds: NetErrorKind[] = ['timeout', 'dns', 'refused', 'reset', 'closed', 'tls', 'not-tls', 'redirect', 'off-host', 'insecure', 'unverified-tls', 'too-large', 'aborted', 'network'];
    for (const words of [INPUT_WORDS, OPTION_WORDS]) {
      for (const kind of kinds) for (const endpoint of ['apiUrl', 'registry'] as const) expect(advice(kind, endpoint, words)).not.toMatch(/--[a-z]/);
    }
  });
});
