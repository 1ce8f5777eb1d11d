import { describe, expect, it } from 'vitest';
import { classifyHost, decideEndpoints, type TrustInput, unconfirmedReason } from '../../../src/destination/trust.js';

describe('classifyHost: judged offline from the name alone', () => {
  it.each([
    ['github.com', 'github'],
    ['ssh.github.com', 'github'],
    ['octo.ghe.com', 'ghe-com'],
    ['my-corp.ghe.com', 'ghe-com'],
    ['github.companyname.com', 'unknown'],
    ['ghes.internal', 'unknown'],
    ['github.com.evil.example', 'unknown'],
    ['evilgithub.com', 'unknown'],
    ['127.0.0.1:8080', 'unknown'],
  ])('%s → %s', (host, kind) => {
    expect(classifyHost(host).kind).toBe(kind);
  });

  it.each([
    ['gitlab.com', 'gitlab.com is GitLab, not GitHub: crpat checks GitHub tokens, so it sent nothing there'],
    ['bitbucket.org', 'bitbucket.org is Bitbucket, not GitHub'],
    ['altssh.bitbucket.org', 'altssh.bitbucket.org is Bitbucket'],
    ['codeberg.org', 'codeberg.org is Codeberg'],
    ['gitea.com', 'gitea.com is Gitea'],
    ['dev.azure.com', 'dev.azure.com is Azure DevOps'],
    ['ssh.dev.azure.com', 'ssh.dev.azure.com is Azure DevOps'],
    ['acme.visualstudio.com', 'acme.visualstudio.com is Azure DevOps'],
    ['git.sr.ht', 'git.sr.ht is SourceHut'],
    ['altssh.gitlab.com', 'altssh.gitlab.com is GitLab'],
    ['gitlab.com:8443', 'gitlab.com:8443 is GitLab'],
    ['githib.com', 'githib.com is not github.com (a typo?)'],
    ['github.co', 'github.co is not github.com (a typo?)'],
    ['gihtub.com', 'gihtub.com is not github.com (a typo?)'],
    ['githubb.com', 'githubb.com is not github.com (a typo?)'],
    ['github.com:8443', 'GitHub serves repositories at https://github.com, not on port 8443'],
    ['gist.github.com', 'gist.github.com is a GitHub service, not a repository host'],
    ['raw.githubusercontent.com', 'raw.githubusercontent.com is a GitHub service'],
    ['octocat.github.io', 'octocat.github.io is a GitHub service'],
    ['api.octo.ghe.com', 'api.octo.ghe.com is not where a GHE.com enterprise names its repositories'],
    ['octo.ghe.com:444', 'octo.ghe.com:444: GHE.com serves repositories without a port'],
  ])('%s is refused offline: %s', (host, reason) => {
    const kind = classifyHost(host);
    expect(kind.kind).toBe('refused');
    expect(kind.kind === 'refused' && kind.reason).toContain(reason);
  });
});

const input = (host: string, extra: Partial<TrustInput> = {}): TrustInput => ({ host, apiUrl: null, registry: null, enterpriseHost: null, ...extra });

describe('decideEndpoints', () => {
  it.each([
    ['github.com', {}, { kind: 'trusted', apiUrl: 'https://api.github.com', registry: 'ghcr.io', webUrl: 'https://github.com' }],
    ['ssh.github.com', {}, { kind: 'trusted', apiUrl: 'https://api.github.com', registry: 'ghcr.io', webUrl: 'https://github.com' }],
    ['octo.ghe.com', {}, { kind: 'trusted', apiUrl: 'https://api.octo.ghe.com', registry: 'containers.octo.ghe.com', webUrl: 'https://octo.ghe.com' }],
    // Explicit endpoints win; the links stay on the repository's GitHub.
    ['github.com', { apiUrl: 'http://127.0.0.1:4000', registry: 'http://127.0.0.1:5000' }, { kind: 'trusted', apiUrl: 'http://127.0.0.1:4000', registry: 'http://127.0.0.1:5000', webUrl: 'https://github.com' }],
    // A host nobody named: the endpoints it would get, to confirm.
    ['ghes.example.com', {}, { kind: 'unconfirmed', host: 'ghes.example.com', apiUrl: 'https://ghes.example.com/api/v3', registry: 'containers.ghes.example.com', webUrl: 'https://ghes.example.com' }],
    // --api-url on that host names it.
    ['ghes.example.com', { apiUrl: 'https://GHES.example.com/api/v3' }, { kind: 'trusted', apiUrl: 'https://GHES.example.com/api/v3', registry: 'containers.ghes.example.com', webUrl: 'https://ghes.example.com' }],
    // GH_HOST names it, as gh users set it (with or without a scheme).
    ['ghes.example.com', { enterpriseHost: 'ghes.example.com' }, { kind: 'trusted', apiUrl: 'https://ghes.example.com/api/v3', registry: 'containers.ghes.example.com', webUrl: 'https://ghes.example.com' }],
    ['ghes.example.com', { enterpriseHost: 'https://GHES.example.com/' }, { kind: 'trusted', apiUrl: 'https://ghes.example.com/api/v3' }],
    // GH_HOST naming another host names nothing here.
    ['ghes.example.com', { enterpriseHost: 'other.example.com' }, { kind: 'unconfirmed', host: 'ghes.example.com' }],
    // A --registry alone does not name the API host.
    ['ghes.example.com', { registry: 'containers.ghes.example.com' }, { kind: 'unconfirmed', registry: 'containers.ghes.example.com' }],
    // A loopback test rig: the API URL on the repository's address names it, whatever the port.
    ['127.0.0.1:9999', { apiUrl: 'http://127.0.0.1:4000' }, { kind: 'trusted', apiUrl: 'http://127.0.0.1:4000', webUrl: 'https://127.0.0.1:9999' }],
  ] as const)('%s %j → %j', (host, extra, want) => {
    expect(decideEndpoints(input(host, extra))).toMatchObject(want);
  });

  it('refuses an Enterprise host when the API URL names another host: the derived registry would get the token', () => {
    expect(decideEndpoints(input('evil.example', { apiUrl: 'https://api.github.com' }))).toEqual({
      kind: 'refused',
      reason: 'the repository is on evil.example, but --api-url names api.github.com: crpat takes evil.example for a GitHub Enterprise Server only when --api-url is on that host, so it sent nothing',
    });
    expect(decideEndpoints(input('evil.example', { apiUrl: 'https://api.github.com' }), 'apiUrl')).toMatchObject({ reason: expect.stringContaining('but apiUrl names') });
  });

  it('refuses a forge even with explicit endpoints: a GitHub token has no business there', () => {
    expect(decideEndpoints(input('gitlab.com', { apiUrl: 'https://gitlab.com/api/v3', registry: 'registry.gitlab.com' }))).toMatchObject({ kind: 'refused' });
  });

  it('says which flag to pass when nobody named the host', () => {
    expect(unconfirmedReason('ghes.example.com', 'https://ghes.example.com/api/v3')).toBe(
      'ghes.example.com is not github.com or a GHE.com host, and crpat sent nothing there. If it is your GitHub Enterprise Server, pass --api-url https://ghes.example.com/api/v3 (or set GH_HOST=ghes.example.com)',
    );
  });
});
