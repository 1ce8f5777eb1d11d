import { describe, expect, it } from 'vitest';
import { isOnOrigin, onLoopbackLiteral, originOf } from '../../../src/http/origin.js';

describe('originOf: scheme, host and port; the default port dropped; localhost read as 127.0.0.1', () => {
  it.each([
    ['https://api.github.com/user', 'https://api.github.com'],
    ['https://API.GitHub.com:443/x', 'https://api.github.com'],
    ['https://ghcr.io:8443/token', 'https://ghcr.io:8443'],
    ['http://127.0.0.1:80/', 'http://127.0.0.1'],
    ['http://localhost:5000/v2/', 'http://127.0.0.1:5000'],
    ['http://LOCALHOST:5000/', 'http://127.0.0.1:5000'],
    ['http://[::1]:5000/', 'http://[::1]:5000'],
  ])('%s → %s', (url, origin) => {
    expect(originOf(url)).toBe(origin);
  });
});

describe('isOnOrigin', () => {
  const allowed = ['https://api.github.com', 'http://127.0.0.1:5000'];
  it.each([
    ['https://api.github.com/user', true],
    ['https://api.github.com:443/user', true],
    ['https://api.github.com:8443/user', false], // another port is another service
    ['http://api.github.com/user', false], // another scheme
    ['http://127.0.0.1:5000/token', true],
    ['http://localhost:5000/token', true],
    ['http://127.0.0.1:5001/token', false],
    ['http://127.0.0.2:5000/token', false],
    ['https://api.github.com.evil.example/user', false],
  ])('%s → %s', (url, want) => {
    expect(isOnOrigin(url, allowed)).toBe(want);
  });
});

describe('onLoopbackLiteral', () => {
  it('replaces only the host localhost, keeping scheme, port, path and query', () => {
    expect(onLoopbackLiteral(new URL('https://localhost:8443/v2/x?y=1')).href).toBe('https://127.0.0.1:8443/v2/x?y=1');
    expect(onLoopbackLiteral(new URL('http://localhost.example.com/')).href).toBe('http://localhost.example.com/');
    expect(onLoopbackLiteral(new URL('http://sub.localhost/')).href).toBe('http://sub.localhost/');
  });
});
