import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultEndpoints, isLoopbackHost, parseApiUrl, parseRegistry } from '../../../src/destination/endpoints.js';
import { anyString, expectReason, host, nearby, runs } from '../../fuzz/arbitraries.js';

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['127.0.0.1', true],
    ['127.255.255.254', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['[::1]', true],
    ['0:0:0:0:0:0:0:1', true],
    ['127.0.0.256', false],
    ['128.0.0.1', false],
    ['10.0.0.1', false],
    ['localhost.example.com', false],
    ['127.0.0.1.example.com', false],
    ['127.0.0.1:5000', false],
    ['ghcr.io', false],
    ['', false],
  ])('%s → %s', (hostname, want) => {
    expect(isLoopbackHost(hostname)).toBe(want);
  });
});

describe('parseApiUrl', () => {
  it.each([
    ['github.com API', 'https://api.github.com', 'https://api.github.com/'],
    ['trailing / dropped (root keeps the one URL requires)', 'https://api.github.com/', 'https://api.github.com/'],
    ['ledger github-api §6 GHES form', 'https://ghe.example.com/api/v3', 'https://ghe.example.com/api/v3'],
    ['GHES with trailing /', 'https://ghe.example.com/api/v3/', 'https://ghe.example.com/api/v3'],
    ['ledger github-api §6 GHE.com form', 'https://api.acme.ghe.com', 'https://api.acme.ghe.com/'],
    ['upper-case scheme and host', 'HTTPS://API.GitHub.com', 'https://api.github.com/'],
    ['loopback over http', 'http://127.0.0.1:8080', 'http://127.0.0.1:8080/'],
    ['localhost over http', 'http://localhost:3000/api/v3/', 'http://localhost:3000/api/v3'],
    ['IPv6 loopback over http', 'http://[::1]:3000', 'http://[::1]:3000/'],
    ['surrounding blanks', '  https://api.github.com\n', 'https://api.github.com/'],
  ])('accepts %s', (_form, input, href) => {
    const result = parseApiUrl(input);
    expect(result.ok && result.value.href).toBe(href);
  });

  it.each([
    ['empty', '', /empty/],
    ['no scheme', 'api.github.com', /must start with https/],
    ['ftp', 'ftp://api.github.com', /must start with https/],
    ['http off loopback', 'http://api.github.com', /must use https/],
    ['credentials', 'https://me:pw@api.github.com', /Credentials must not be/],
    ['user only', 'https://me@api.github.com', /Credentials must not be/],
    ['query', 'https://api.github.com/?x=1', /query string/],
    ['fragment', 'https://api.github.com/#x', /fragment/],
    ['percent', 'https://api.github.com/%61', /percent/],
    ['space', 'https://api.github.com/ x', /white space/],
    ['control', 'https://api.github.com/\0', /control/],
    ['look-alike', 'https://аpi.github.com', /non-ASCII/],
    ['no host', 'https://', /not a valid URL/],
    ['bad port', 'https://api.github.com:99999', /not a valid URL/],
  ])('refuses %s', (_form, input, want) => {
    const result = parseApiUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(want);
      expectReason(result.reason);
    }
  });
});

describe('parseRegistry', () => {
  it.each([
    ['bare ghcr.io', 'ghcr.io', 'https://ghcr.io', 'ghcr.io'],
    ['ledger ghcr §6 GHES host', 'containers.github.companyname.com', 'https://containers.github.companyname.com', 'containers.github.companyname.com'],
    ['bare with trailing /', 'ghcr.io/', 'https://ghcr.io', 'ghcr.io'],
    ['host:port', 'registry.example.com:5000', 'https://registry.example.com:5000', 'registry.example.com:5000'],
    ['loopback host:port (bare means https)', '127.0.0.1:5000', 'https://127.0.0.1:5000', '127.0.0.1:5000'],
    ['https URL', 'https://ghcr.io', 'https://ghcr.io', 'ghcr.io'],
    ['https URL, default port dropped', 'https://ghcr.io:443/', 'https://ghcr.io', 'ghcr.io'],
    ['https URL with port', 'https://containers.ghe.example.com:8443', 'https://containers.ghe.example.com:8443', 'containers.ghe.example.com:8443'],
    ['http loopback (ledger ghcr §7.4 rig)', 'http://127.0.0.1:5055', 'http://127.0.0.1:5055', '127.0.0.1:5055'],
    ['http localhost', 'http://localhost:5000', 'http://localhost:5000', 'localhost:5000'],
    ['upper-case host', 'GHCR.IO', 'https://ghcr.io', 'ghcr.io'],
  ])('accepts %s', (_form, input, origin, hostPort) => {
    expect(parseRegistry(input)).toEqual({ ok: true, value: { origin, host: hostPort } });
  });

  it.each([
    ['empty', '', /empty/],
    ['image path', 'ghcr.io/octo-org/my-app', /only the registry host/],
    ['http off loopback', 'http://ghcr.io', /must use https/],
    ['unknown scheme', 'docker://ghcr.io', /must start with https/],
    ['credentials', 'https://me:pw@ghcr.io', /Credentials must not be/],
    ['bare credentials', 'me:pw@ghcr.io', /Credentials must not be/],
    ['query', 'ghcr.io?x', /query string/],
    ['bad port', 'ghcr.io:70000', /not a valid URL/],
    ['look-alike', 'ghсr.io', /non-ASCII/],
  ])('refuses %s', (_form, input, want) => {
    const result = parseRegistry(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(want);
      expectReason(result.reason);
    }
  });
});

describe('defaultEndpoints (ledger github-api §6)', () => {
  it.each([
    ['github.com', { apiUrl: 'https://api.github.com', registry: 'ghcr.io' }],
    ['GitHub.com', { apiUrl: 'https://api.github.com', registry: 'ghcr.io' }],
    ['acme.ghe.com', { apiUrl: 'https://api.acme.ghe.com', registry: 'containers.acme.ghe.com' }],
    ['github.companyname.com', { apiUrl: 'https://github.companyname.com/api/v3', registry: 'containers.github.companyname.com' }],
    ['ghe.example.com:8443', { apiUrl: 'https://ghe.example.com:8443/api/v3', registry: 'containers.ghe.example.com:8443' }],
  ])('%s', (h, want) => {
    expect(defaultEndpoints(h)).toEqual(want);
  });
});

describe('properties', () => {
  const urlish = fc.oneof(
    anyString,
    nearby(fc.constantFrom('https://api.github.com', 'http://127.0.0.1:5000', 'ghcr.io', 'https://ghe.example.com/api/v3/')),
  );

  it('parsers never throw and return the documented shape', () => {
    fc.assert(
      fc.property(urlish, (input) => {
        expect(typeof isLoopbackHost(input)).toBe('boolean');
        const api = parseApiUrl(input);
        if (api.ok) expect(['https:', 'http:']).toContain(api.value.protocol);
        else expectReason(api.reason);
        const registry = parseRegistry(input);
        if (registry.ok) expect(registry.value.origin.endsWith(registry.value.host)).toBe(true);
        else expectReason(registry.reason);
      }),
      runs(200),
    );
  });

  it('plain http is only ever accepted for loopback hosts', () => {
    fc.assert(
      fc.property(urlish, (input) => {
        const api = parseApiUrl(input);
        if (api.ok && api.value.protocol === 'http:') expect(isLoopbackHost(api.value.hostname)).toBe(true);
        const registry = parseRegistry(input);
        if (registry.ok && registry.value.origin.startsWith('http:')) {
          expect(isLoopbackHost(new URL(registry.value.origin).hostname)).toBe(true);
        }
      }),
      runs(200),
    );
  });

  it('default endpoints of any host are accepted by the override parsers', () => {
    fc.assert(
      fc.property(host, (h) => {
        const { apiUrl, registry } = defaultEndpoints(h);
        expect(parseApiUrl(apiUrl).ok).toBe(true);
        expect(parseRegistry(registry)).toEqual({ ok: true, value: { origin: `https://${registry}`, host: registry } });
      }),
      runs(200),
    );
  });
});
