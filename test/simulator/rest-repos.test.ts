import { describe, expect, it } from 'vitest';
import { REST_MESSAGES } from '../../src/simulator/index.js';
import { api, useSimulator } from './helpers.js';

const NOT_FOUND = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/repos/repos#get-a-repository', status: '404' };

interface RepoBody {
  full_name: string;
  private: boolean;
  visibility: string;
  owner: { type: string };
  permissions?: Record<string, boolean>;
}

async function repo(res: Response): Promise<RepoBody> {
  expect(res.status).toBe(200);
  return (await res.json()) as RepoBody;
}

describe('GET /repos/{owner}/{repo} (ledger github-api §3, §4)', () => {
  const sim = useSimulator();

  it('admin on a private org repo: 200, owner.type Organization, all permissions true, x-accepted-oauth-scopes repo (ledger github-api §2.3, §3)', async () => {
    const res = await api(sim(), '/repos/acme/private-app', 'octocat-classic-push');
    expect(res.headers.get('x-accepted-oauth-scopes')).toBe('repo');
    const body = await repo(res);
    expect(body).toMatchObject({ full_name: 'acme/private-app', private: true, visibility: 'private', owner: { type: 'Organization' } });
    expect(body.permissions).toEqual({ admin: true, maintain: true, push: true, triage: true, pull: true });
  });

  it('read role: permissions {pull} only (ledger github-api §3)', async () => {
    const body = await repo(await api(sim(), '/repos/acme/private-app', 'monalisa-classic-push'));
    expect(body.permissions).toEqual({ admin: false, maintain: false, push: false, triage: false, pull: true });
  });

  it('no role on a public repo: {admin:false, push:false, pull:true} (ledger github-api §3)', async () => {
    const body = await repo(await api(sim(), '/repos/hubot/dotfiles', 'monalisa-classic-push'));
    expect(body.permissions).toMatchObject({ admin: false, push: false, pull: true });
  });

  it('anonymous on a public repo: 200 without permissions (ledger github-api §3)', async () => {
    const body = await repo(await api(sim(), '/repos/octocat/hello-world', null));
    expect(body.permissions).toBeUndefined();
    expect(body.owner.type).toBe('User');
  });

  it.each([
    ['anonymous', null, '/repos/octocat/secret-lab'],
    ['classic PAT without repo scope', 'octocat-classic-packages-only', '/repos/acme/private-app'],
    ['user not a collaborator', 'monalisa-classic-push', '/repos/octocat/secret-lab'],
    ['fine-grained token not covering the repo', 'octocat-fine-grained', '/repos/acme/widgets'],
    ['fine-grained token of another resource owner', 'octocat-fine-grained', '/repos/octocat/secret-lab'],
    ['fine-grained token pending approval', 'octocat-fine-grained-pending', '/repos/acme/private-app'],
    ['repository that does not exist', 'octocat-classic-push', '/repos/acme/nothing'],
  ])('private repo not visible (%s): 404 Not Found with the get-a-repository documentation_url (ledger github-api §3, §4.2)', async (_, label, path) => {
    const res = await api(sim(), path, label);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual(NOT_FOUND);
  });

  it('fine-grained tokens always read public repositories (ledger github-api §3, §4.2)', async () => {
    await repo(await api(sim(), '/repos/hubot/dotfiles', 'octocat-fine-grained'));
    await repo(await api(sim(), '/repos/acme/public-site', 'octocat-fine-grained-pending'));
  });

  it('fine-grained token covering the repo: 200, permissions from the user role (ledger github-api §3; open question 5)', async () => {
    const body = await repo(await api(sim(), '/repos/acme/private-app', 'octocat-fine-grained'));
    expect(body.permissions?.['push']).toBe(true);
  });

  it('SSO org, classic PAT not authorized: 403 SAML message + X-GitHub-SSO required; url=… (ledger github-api §4.4)', async () => {
    const res = await api(sim(), '/repos/sso-corp/internal-tools', 'octocat-classic-push');
    expect(res.status).toBe(403);
    expect(res.headers.get('x-github-sso')).toMatch(/^required; url=https:\/\/github\.com\/orgs\/sso-corp\/sso\?authorization_request=[A-Za-z0-9]+$/);
    expect(await res.json()).toEqual({
      message: 'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.',
      documentation_url: 'https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/',
      status: '403',
    });
  });

  it('SSO org, public repo: the SAML 403 applies too (ledger github-api §4.4, seen on microsoft/msquic)', async () => {
    const res = await api(sim(), '/repos/sso-corp/handbook', 'octocat-classic-push');
    expect(res.status).toBe(403);
    expect(res.headers.has('x-github-sso')).toBe(true);
  });

  it('SSO org, OAuth token: the "your OAuth token" variant (ledger github-api §4.4)', async () => {
    const res = await api(sim(), '/repos/sso-corp/internal-tools', 'octocat-oauth-gh-cli');
    expect(((await res.json()) as { message: string }).message).toBe(REST_MESSAGES.samlOAuth);
  });

  it('SSO org: a classic PAT authorized for the org passes (ledger github-api §4.4)', async () => {
    await repo(await api(sim(), '/repos/sso-corp/internal-tools', 'octocat-classic-sso-authorized'));
  });

  it('org forbids classic PATs, private repo: 403 with the backticked message and the route documentation_url (ledger github-api §4.1)', async () => {
    const res = await api(sim(), '/repos/strict-org/private-svc', 'octocat-classic-push');
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      message:
        '`strict-org` forbids access via a personal access token (classic). Please use a GitHub App, OAuth App, or a personal access token with fine-grained permissions.',
      documentation_url: 'https://docs.github.com/rest/repos/repos#get-a-repository',
      status: '403',
    });
  });

  it('org forbids classic PATs, public repo: 200, public reads still allowed (ledger github-api §4.1, §9.6; open question 6)', async () => {
    await repo(await api(sim(), '/repos/strict-org/public-lib', 'octocat-classic-push'));
  });

  it("fine-grained token over the org's maximum lifetime: 403 with the lifetime message (ledger github-api §4.3)", async () => {
    const res = await api(sim(), '/repos/strict-org/private-svc', 'octocat-fine-grained-no-expiry');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toBe(
      "The 'strict-org' organization forbids access via a fine-grained personal access tokens if the token's lifetime is greater than 90 days. Please adjust your token's lifetime at the following URL: https://github.com/settings/personal-access-tokens/4210003",
    );
  });

  it('renamed repository: 301 with Location <apiUrl>/repositories/<id>, which serves the repository (ledger github-api §3, §9.13, §10)', async () => {
    const res = await api(sim(), '/repos/acme/old-name', 'octocat-classic-push', { redirect: 'manual' });
    expect(res.status).toBe(301);
    const location = res.headers.get('location') ?? '';
    expect(location).toBe(`${sim().apiUrl}/repositories/7000005`);
    expect(((await res.json()) as { message: string }).message).toBe('Moved Permanently');
    const followed = await api(sim(), location.slice(sim().apiUrl.length), 'octocat-classic-push');
    expect((await repo(followed)).full_name).toBe('acme/new-name');
  });

  it('names are case-insensitive: Acme/Private-App is acme/private-app', async () => {
    expect((await repo(await api(sim(), '/repos/Acme/Private-App', 'octocat-classic-push'))).full_name).toBe('acme/private-app');
  });

  it('ghs_ installation token: repositories of its installation only (permissions from its contents permission [inferred])', async () => {
    const body = await repo(await api(sim(), '/repos/acme/widgets', 'acme-app-installation'));
    expect(body.permissions?.['push']).toBe(true);
    expect((await api(sim(), '/repos/acme/private-app', 'acme-app-installation')).status).toBe(404);
  });
});
