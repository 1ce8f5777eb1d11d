import { describe, expect, it } from 'vitest';
import { createDefaultWorld, mintToken, mistypeToken, tokenValue } from '../../src/simulator/index.js';
import { hasValidChecksum } from '../../src/token/checksum.js';

describe('mintToken: realistic shapes (ledger github-api §1)', () => {
  it.each([
    ['classic', 'ghp_'],
    ['oauth', 'gho_'],
    ['user-to-server', 'ghu_'],
  ] as const)('%s: %s + 30 random + 6-char checksum, 40 chars, checksum valid (ledger github-api §1.1, §1.2)', (kind, prefix) => {
    const token = mintToken(kind, 'seed');
    expect(token).toMatch(new RegExp(`^${prefix}[A-Za-z0-9]{36}$`));
    expect(hasValidChecksum(token.slice(4))).toBe(true);
  });

  it('fine-grained: github_pat_ + 22 + _ + 59 alphanumerics = 93 chars (ledger github-api §1.4)', () => {
    const token = mintToken('fine-grained', 'seed');
    expect(token).toMatch(/^github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}$/);
    expect(token).toHaveLength(93);
  });

  it('new-format ghs_APPID_JWT: ~520 chars, two dots, matches GitHub\'s regex (ledger github-api §1.5)', () => {
    const token = mintToken('server-to-server', 'seed');
    expect(token).toMatch(/^ghs_\d+_[A-Za-z0-9._]+$/);
    expect(token).toMatch(/^ghs_[A-Za-z0-9._]{36,}$/);
    expect(token.split('.')).toHaveLength(3);
    expect(token.length).toBeGreaterThan(450);
    expect(token.length).toBeLessThan(600);
  });

  it('refresh: ghr_ + 76 (ledger github-api §1.1)', () => {
    expect(mintToken('refresh', 'seed')).toMatch(/^ghr_[A-Za-z0-9]{76}$/);
  });

  it('is deterministic in (kind, seed) and differs across seeds and kinds', () => {
    expect(mintToken('classic', 'a')).toBe(mintToken('classic', 'a'));
    expect(mintToken('classic', 'a')).not.toBe(mintToken('classic', 'b'));
    expect(mintToken('classic', 'a').slice(4)).not.toBe(mintToken('oauth', 'a').slice(4));
  });

  it('mistypeToken changes the last character so the checksum fails (ledger github-api §1.2 counter-example)', () => {
    const good = mintToken('classic', 'octocat-classic-push');
    const bad = mistypeToken(good);
    expect(bad).toHaveLength(40);
    expect(bad.slice(0, -1)).toBe(good.slice(0, -1));
    expect(hasValidChecksum(bad.slice(4))).toBe(false);
  });
});

describe('createDefaultWorld', () => {
  it('token values are stable across runs (seeded by label)', () => {
    const a = createDefaultWorld({ now: new Date('2026-01-01T00:00:00Z') });
    const b = createDefaultWorld({ now: new Date('2030-06-01T00:00:00Z') });
    expect(a.tokens.map((t) => t.value)).toEqual(b.tokens.map((t) => t.value));
    expect(tokenValue(a, 'octocat-classic-push')).toBe(mintToken('classic', 'octocat-classic-push'));
  });

  it('expiry dates are relative to now', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const world = createDefaultWorld({ now });
    const soon = world.tokens.find((t) => t.label === 'octocat-classic-expiring-soon');
    expect(soon?.expiresAt?.toISOString()).toBe('2026-01-04T00:00:00.000Z');
  });

  it('labels and values are unique; every token user and repository owner exists', () => {
    const world = createDefaultWorld();
    const labels = [...world.tokens, ...world.strangers].map((t) => t.label);
    const values = [...world.tokens, ...world.strangers].map((t) => t.value);
    expect(new Set(labels).size).toBe(labels.length);
    expect(new Set(values).size).toBe(values.length);
    const logins = new Set([...world.users, ...world.orgs].map((a) => a.login));
    for (const repo of world.repositories) expect(logins.has(repo.owner), repo.owner).toBe(true);
    for (const token of world.tokens.filter((t) => t.kind !== 'server-to-server')) expect(logins.has(token.user), token.label).toBe(true);
  });

  it('returns a fresh world each time (tests may mutate it)', () => {
    const a = createDefaultWorld();
    a.users.pop();
    expect(createDefaultWorld().users).toHaveLength(a.users.length + 1);
  });

  it('has the orgs the scenarios need: acme plain, sso-corp SAML, strict-org forbidding classic PATs', () => {
    const orgs = Object.fromEntries(createDefaultWorld().orgs.map((o) => [o.login, o]));
    expect(orgs['acme']).toMatchObject({ ssoEnforced: false, forbidsClassicTokens: false });
    expect(orgs['sso-corp']).toMatchObject({ ssoEnforced: true });
    expect(orgs['strict-org']).toMatchObject({ forbidsClassicTokens: true });
  });
});
