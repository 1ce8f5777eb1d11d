import { describe, expect, it } from 'vitest';
import { expectedAuthorization, nextAnswer, rewriteOrigins, shiftTimes } from '../../../src/trace/replay-plan.js';
import type { TraceExchange } from '../../../src/trace/format.js';

const exchange = (method: string, url: string): TraceExchange => ({ method, url, request: {}, status: 200, headers: {}, bodyBytes: 0, at: 0, ms: 1 });

describe('replay plan', () => {
  it('answers in order by method and path; the same query first, else the same path; null for anything else', () => {
    const list = [exchange('GET', 'https://api.github.com/user'), exchange('GET', 'https://ghcr.io/token?scope=a'), exchange('GET', 'https://ghcr.io/token?scope=b'), exchange('GET', 'https://api.github.com/user')];
    const served = new Set<number>();
    expect(nextAnswer(list, served, 'https://ghcr.io', 'GET', '/token?scope=b')).toBe(2);
    served.add(2);
    expect(nextAnswer(list, served, 'https://ghcr.io', 'GET', '/token?scope=c')).toBe(1);
    expect(nextAnswer(list, served, 'https://api.github.com', 'GET', '/user')).toBe(0);
    served.add(0);
    expect(nextAnswer(list, served, 'https://api.github.com', 'GET', '/user')).toBe(3);
    served.add(3);
    expect(nextAnswer(list, served, 'https://api.github.com', 'GET', '/user')).toBeNull();
    expect(nextAnswer(list, served, 'https://api.github.com', 'POST', '/token?scope=a')).toBeNull();
  });

  it('moves recorded origins to the replay ones, longest first', () => {
    const map = new Map([['https://ghcr.io', 'http://127.0.0.1:2'], ['https://api.github.com', 'http://127.0.0.1:1']]);
    expect(rewriteOrigins('Bearer realm="https://ghcr.io/token",service="ghcr.io"', map)).toBe('Bearer realm="http://127.0.0.1:2/token",service="ghcr.io"');
  });

  it('shifts the expiry and the rate-limit reset by the time since the recording', () => {
    const day = 86_400_000;
    expect(shiftTimes('github-authentication-token-expiration', '2026-12-24 10:00:00 UTC', day)).toBe('2026-12-25 10:00:00 UTC');
    expect(shiftTimes('github-authentication-token-expiration', '2026-12-24 10:00:00 +0200', 0)).toBe('2026-12-24 08:00:00 UTC');
    expect(shiftTimes('x-ratelimit-reset', '1000', 5000)).toBe('1005');
    expect(shiftTimes('github-authentication-token-expiration', 'soon', day)).toBe('soon');
    expect(shiftTimes('x-oauth-scopes', 'repo', day)).toBe('repo');
  });

  it('expects the synthetic token where the recording had the placeholder, raw or inside Basic', () => {
    const basic = (t: string) => `Basic ${Buffer.from(`crpat:${t}`).toString('base64')}`;
    expect(expectedAuthorization('token ghp_REDACTED', 'ghp_REDACTED', 'ghp_new')).toBe('token ghp_new');
    expect(expectedAuthorization(basic('ghp_REDACTED'), 'ghp_REDACTED', 'ghp_new')).toBe(basic('ghp_new'));
    expect(expectedAuthorization('Bearer REDACTEDREDA', 'ghp_REDACTED', 'ghp_new')).toBe('Bearer REDACTEDREDA');
    expect(expectedAuthorization(undefined, 'ghp_REDACTED', 'ghp_new')).toBeNull();
  });
});
