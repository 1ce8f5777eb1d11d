import { mintToken, mistypeToken } from './tokens.js';
import type { SimToken, SimTokenKind, World } from './world.js';

/** The Actions `GITHUB_TOKEN`'s app id, part of a 2026-format `ghs_` token (docs/github-behaviour.md#app-installation-tokens). */
export const ACTIONS_APP_ID = 15368;

/**
 * The world `crpat demo` and the tests run against. Token values are deterministic (seeded by label); expiry dates
 * are relative to `now` so "expires in 3 days" stays true whenever the world is built.
 *
 * People: `octocat` (the usual user), `monalisa` (read-only on acme/private-app), `hubot` (owns things octocat cannot
 * push to). Orgs: `acme` (plain), `sso-corp` (SAML enforced), `strict-org` (forbids classic PATs; fine-grained max 90 days).
 */
export function createDefaultWorld(options: { now?: Date } = {}): World {
  const now = options.now ?? new Date();
  const day = (n: number) => new Date(now.getTime() + n * 86_400_000);
  const token = (label: string, kind: SimTokenKind, user: string, rest: Partial<SimToken> = {}): SimToken => ({
    label,
    value: mintToken(kind, label),
    kind,
    user,
    createdAt: day(-10),
    expiresAt: null,
    ...rest,
  });
  const pushScopes = { scopes: ['repo', 'write:packages'] };

  const tokens: SimToken[] = [
    token('octocat-classic-push', 'classic', 'octocat', { ...pushScopes, expiresAt: day(80) }),
    token('octocat-classic-no-expiry', 'classic', 'octocat', pushScopes),
    token('octocat-classic-repo-only', 'classic', 'octocat', { scopes: ['repo'] }),
    token('octocat-classic-packages-only', 'classic', 'octocat', { scopes: ['write:packages'] }),
    token('octocat-classic-no-scopes', 'classic', 'octocat', { scopes: [] }),
    token('octocat-classic-expired', 'classic', 'octocat', { ...pushScopes, createdAt: day(-32), expiresAt: day(-2) }),
    token('octocat-classic-revoked', 'classic', 'octocat', { ...pushScopes, revoked: true }),
    token('octocat-classic-expiring-soon', 'classic', 'octocat', { ...pushScopes, expiresAt: day(3) }),
    token('octocat-classic-sso-authorized', 'classic', 'octocat', { ...pushScopes, ssoAuthorizedOrgs: ['sso-corp'] }),
    token('octocat-oauth-gh-cli', 'oauth', 'octocat', { scopes: ['gist', 'read:org', 'repo'] }),
    token('octocat-fine-grained', 'fine-grained', 'octocat', {
      id: 4_210_001,
      expiresAt: day(20),
      fineGrained: { resourceOwner: 'acme', repositories: ['acme/private-app'], permissions: { contents: 'write', metadata: 'read' } },
    }),
    token('octocat-fine-grained-pending', 'fine-grained', 'octocat', {
      id: 4_210_002,
      expiresAt: day(20),
      fineGrained: { resourceOwner: 'acme', repositories: 'all', permissions: { contents: 'write', metadata: 'read' }, pendingApproval: true },
    }),
    token('octocat-fine-grained-no-expiry', 'fine-grained', 'octocat', {
      id: 4_210_003,
      fineGrained: { resourceOwner: 'strict-org', repositories: 'all', permissions: { contents: 'write', metadata: 'read' } },
    }),
    token('monalisa-classic-push', 'classic', 'monalisa', pushScopes),
    token('acme-app-installation', 'server-to-server', 'crpat-demo-app[bot]', {
      createdAt: day(0),
      expiresAt: day(1 / 24),
      installation: { repositories: ['acme/widgets'], permissions: { contents: 'write', metadata: 'read' } },
    }),
    token('acme-widgets-github-token', 'server-to-server', 'github-actions[bot]', {
      value: mintToken('server-to-server', 'acme-widgets-github-token', { appId: ACTIONS_APP_ID }),
      createdAt: day(0),
      expiresAt: day(1 / 24),
      installation: {
        appId: ACTIONS_APP_ID,
        repositories: ['acme/widgets'],
        permissions: { contents: 'read', metadata: 'read', packages: 'write' },
        actions: true,
      },
    }),
    // The read-only default, or a pull request from a fork: no `packages: write` (docs/github-behaviour.md).
    token('acme-widgets-github-token-read-only', 'server-to-server', 'github-actions[bot]', {
      value: mintToken('server-to-server', 'acme-widgets-github-token-read-only', { appId: ACTIONS_APP_ID }),
      createdAt: day(0),
      expiresAt: day(1 / 24),
      installation: {
        appId: ACTIONS_APP_ID,
        repositories: ['acme/widgets'],
        permissions: { contents: 'read', metadata: 'read', packages: 'read' },
        actions: true,
      },
    }),
    token('octocat-classic-sso-authorized-repo-only', 'classic', 'octocat', { scopes: ['repo'], ssoAuthorizedOrgs: ['sso-corp'] }),
    token('mona-managed-classic-push', 'classic', 'mona_octoent', pushScopes),
  ];

  return {
    users: [
      { login: 'octocat', id: 583231, name: 'The Octocat' },
      { login: 'monalisa', id: 2, name: 'Mona Lisa' },
      { login: 'hubot', id: 480938, name: 'Hubot' },
      { login: 'mona_octoent', id: 9_900_001, name: 'Mona (managed)', managedBy: 'octoent' },
    ],
    orgs: [
      { login: 'acme', id: 9_100_001, ssoEnforced: false, forbidsClassicTokens: false, members: ['octocat', 'monalisa', 'hubot'] },
      { login: 'sso-corp', id: 9_100_002, ssoEnforced: true, forbidsClassicTokens: false, members: ['octocat'] },
      {
        login: 'strict-org',
        id: 9_100_003,
        ssoEnforced: false,
        forbidsClassicTokens: true,
        fineGrainedMaxLifetimeDays: 90,
        members: ['octocat'],
      },
      {
        login: 'timebox-org',
        id: 9_100_004,
        ssoEnforced: false,
        forbidsClassicTokens: false,
        classicMaxLifetime: { days: 7, by: 'organization', name: 'timebox-org' },
        members: ['octocat'],
      },
      {
        login: 'bigcorp',
        id: 9_100_005,
        ssoEnforced: false,
        forbidsClassicTokens: false,
        classicMaxLifetime: { days: 8, by: 'enterprise', name: 'BigCorp Open Source' },
        members: ['octocat'],
      },
      { login: 'fenced-org', id: 9_100_006, ssoEnforced: false, forbidsClassicTokens: false, ipAllowList: true, members: ['octocat'] },
      { login: 'octoent-apps', id: 9_100_007, ssoEnforced: false, forbidsClassicTokens: false, enterprise: 'octoent', members: ['mona_octoent'] },
    ],
    repositories: [
      { owner: 'octocat', name: 'hello-world', id: 1_296_269, private: false, collaborators: {} },
      { owner: 'octocat', name: 'secret-lab', id: 1_296_270, private: true, collaborators: {} },
      { owner: 'acme', name: 'private-app', id: 7_000_001, private: true, collaborators: { octocat: 'admin', monalisa: 'read' } },
      { owner: 'acme', name: 'public-site', id: 7_000_002, private: false, collaborators: { octocat: 'write' } },
      { owner: 'acme', name: 'legacy-app', id: 7_000_003, private: false, collaborators: { octocat: 'admin', hubot: 'write' } },
      { owner: 'acme', name: 'widgets', id: 7_000_004, private: true, collaborators: { octocat: 'admin' } },
      { owner: 'acme', name: 'new-name', id: 7_000_005, private: false, collaborators: { octocat: 'write' }, renamedFrom: 'old-name' },
      { owner: 'sso-corp', name: 'internal-tools', id: 7_100_001, private: true, collaborators: { octocat: 'write' } },
      { owner: 'sso-corp', name: 'handbook', id: 7_100_002, private: false, collaborators: { octocat: 'write' } },
      { owner: 'strict-org', name: 'private-svc', id: 7_200_001, private: true, collaborators: { octocat: 'admin' } },
      { owner: 'strict-org', name: 'public-lib', id: 7_200_002, private: false, collaborators: { octocat: 'admin' } },
      { owner: 'hubot', name: 'dotfiles', id: 7_300_001, private: false, collaborators: { octocat: 'write' } },
      { owner: 'acme', name: 'shared-images', id: 7_000_006, private: true, collaborators: { octocat: 'admin', monalisa: 'read' } },
      { owner: 'timebox-org', name: 'public-tool', id: 7_400_001, private: false, collaborators: { octocat: 'admin' } },
      { owner: 'bigcorp', name: 'platform', id: 7_500_001, private: false, collaborators: { octocat: 'write' } },
      { owner: 'fenced-org', name: 'service', id: 7_600_001, private: true, collaborators: { octocat: 'admin' } },
      { owner: 'mona_octoent', name: 'tools', id: 7_700_001, private: true, collaborators: {} },
      { owner: 'octoent-apps', name: 'portal', id: 7_700_002, private: true, collaborators: { mona_octoent: 'write' } },
    ],
    packages: [
      // Linked to its repository and inheriting its access: repo admins/writers may push (ledger ghcr §4.3).
      { owner: 'acme', name: 'private-app', writers: [], inheritsFrom: 'acme/private-app' },
      // First pushed by hubot by hand, not linked: only hubot may write (ledger ghcr §2 `write_package`).
      { owner: 'acme', name: 'legacy-app', writers: ['hubot'] },
      // Not linked; grants monalisa Write directly although her repository role is read (docs/github-behaviour.md#package-rights).
      { owner: 'acme', name: 'shared-images', writers: ['monalisa'] },
      // Lists acme/widgets under "Manage Actions access": enough for its GITHUB_TOKEN, never for another app's token.
      { owner: 'acme', name: 'app-built', writers: [], actionsAccess: ['acme/widgets'] },
      // Created by hand (octocat), not linked and not granted to any repository's workflow.
      { owner: 'acme', name: 'hand-made', writers: ['octocat'] },
    ],
    tokens,
    strangers: [
      { label: 'octocat-classic-mistyped', value: mistypeToken(mintToken('classic', 'octocat-classic-push')) },
      { label: 'never-issued-classic', value: mintToken('classic', 'never-issued-classic') },
    ],
    incidents: [
      { kind: 'authzd-outage', package: 'acme/status-page' },
      { kind: 'token-service-denied', package: 'acme/flaky-chart' },
      { kind: 'rate-limited', package: 'acme/busy-image', times: 'once' },
      { kind: 'rate-limited', package: 'acme/throttled-image', times: 'always' },
    ],
  };
}
