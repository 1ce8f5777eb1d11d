import { describe, expect, it } from 'vitest';
import { type HumanOptions, renderHuman } from '../../../src/report/human.js';
import { createStyle } from '../../../src/report/style.js';
import { capabilityTable, capabilityTableAddsSomething } from '../../../src/report/capability-table.js';
import { DEPLOY_REPORT, FAIL_REPORT, INCONCLUSIVE_REPORT, PASS_REPORT } from './fixtures.js';

const PLAIN: HumanOptions = { color: false, unicode: true, quiet: false, width: 0 };

describe('renderHuman, colour off', () => {
  it('a pass', () => {
    expect(renderHuman(PASS_REPORT, PLAIN)).toBe(`✔ This token can push to ghcr.io/acme/api

Token: ghp_**** (classic personal access token) of octocat, expires 2026-03-01 12:00 UTC
Scopes: repo, write:packages

✔ token.format    Recognised a classic personal access token, checksum matches.
✔ token.valid     The API accepts the token: it belongs to octocat.
✔ token.expiry    Expires on 2026-03-01.
✔ token.scopes    Has write:packages (implies read:packages).
- org.sso         acme does not enforce SAML single sign-on.
✔ org.policy      acme allows classic personal access tokens.
✔ repo.access     acme/api is visible to the token.
✔ repo.push       octocat can write to acme/api.
✔ registry.login  ghcr.io accepted the credentials.
✔ registry.push   ghcr.io opened an upload for acme/api; it was cancelled.
`);
  });

  it('a fail with 2 problems and a warning', () => {
    expect(renderHuman(FAIL_REPORT, PLAIN)).toBe(`✖ This token cannot push to ghcr.io/acme/api — 2 problems

Token: ghp_**** (classic personal access token) of octocat
Scopes: repo

✖ token.scopes  The token lacks the write:packages scope, which every push to ghcr.io needs.
    Scopes seen: repo
    Fix: Edit the token at https://github.com/settings/tokens and tick write:packages.

✖ registry.push  ghcr.io refused to open an upload for acme/api.
    DENIED: permission_denied: The token provided does not match expected scopes.
    Fix: Add write:packages to the token: https://github.com/settings/tokens

⚠ token.expiry  The token never expires.
    Fix: Set an expiry date when you next create a token.

✔ token.format    Recognised a classic personal access token, checksum matches.
✔ token.valid     The API accepts the token: it belongs to octocat.
✔ org.sso         acme does not enforce SAML single sign-on.
✔ org.policy      acme allows classic personal access tokens.
✔ repo.access     acme/api is visible to the token.
✔ repo.push       octocat can write to acme/api.
✔ registry.login  ghcr.io accepted the credentials.
`);
  });

  it('skipped checks that share a reason are listed once, under the first of them; two sharing one stay apart', () => {
    const skip = (id: string, summary: string) => ({ id, status: 'skip', summary, details: [], fix: null }) as const;
    const malformed = 'Skipped: the token is malformed (token.format).';
    const report = {
      ...PASS_REPORT,
      checks: [
        ...PASS_REPORT.checks.slice(0, 1),
        skip('token.valid', malformed),
        skip('token.expiry', malformed),
        skip('token.scopes', malformed),
        skip('org.sso', 'Skipped: no organization.'),
        skip('org.policy', 'Skipped: no organization.'),
      ],
    } as typeof PASS_REPORT;
    expect(renderHuman(report, PLAIN).split('\n\n').at(-1)).toBe(`✔ token.format  Recognised a classic personal access token, checksum matches.
- token.valid   Skipped: the token is malformed (token.format).
                Also skipped: token.expiry, token.scopes.
- org.sso       Skipped: no organization.
- org.policy    Skipped: no organization.
`);
  });

  it('an inconclusive report', () => {
    expect(renderHuman(INCONCLUSIVE_REPORT, PLAIN)).toBe(`? Could not decide whether this token can push to ghcr.io/acme/api — 1 check could not be completed

Token: github_pat_**** (fine-grained personal access token)

? token.valid  The API did not answer within 10 seconds.
    GET https://api.github.com/user: timeout after 10000 ms
    Fix: Run crpat again; if it keeps failing, check https://www.githubstatus.com.

✔ token.format  Recognised a fine-grained personal access token.
- token.expiry  Skipped: token.valid could not be decided.
`);
  });

  it('--quiet: the verdict and the problems only, in ASCII', () => {
    expect(renderHuman(FAIL_REPORT, { ...PLAIN, quiet: true, unicode: false })).toBe(`[x] This token cannot push to ghcr.io/acme/api - 2 problems

[x] token.scopes  The token lacks the write:packages scope, which every push to ghcr.io needs.
    Scopes seen: repo
    Fix: Edit the token at https://github.com/settings/tokens and tick write:packages.

[x] registry.push  ghcr.io refused to open an upload for acme/api.
    DENIED: permission_denied: The token provided does not match expected scopes.
    Fix: Add write:packages to the token: https://github.com/settings/tokens
`);
  });

  it('--quiet on a pass is the verdict line alone', () => {
    expect(renderHuman(PASS_REPORT, { ...PLAIN, quiet: true })).toBe('✔ This token can push to ghcr.io/acme/api\n');
  });

  it('wraps to the width with hanging indents, never breaking a URL', () => {
    const text = renderHuman(FAIL_REPORT, { ...PLAIN, quiet: true, width: 50 });
    expect(text).toBe(`✖ This token cannot push to ghcr.io/acme/api — 2
  problems

✖ token.scopes  The token lacks the write:packages
    scope, which every push to ghcr.io needs.
    Scopes seen: repo
    Fix: Edit the token at
         https://github.com/settings/tokens and
         tick write:packages.

✖ registry.push  ghcr.io refused to open an upload
    for acme/api.
    DENIED: permission_denied: The token provided
    does not match expected scopes.
    Fix: Add write:packages to the token:
         https://github.com/settings/tokens
`);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(50);
  });

  it('counts: one problem, and failures alongside undecided checks', () => {
    const one = { ...FAIL_REPORT, checks: FAIL_REPORT.checks.filter((c) => c.id !== 'registry.push') };
    expect(renderHuman(one, { ...PLAIN, quiet: true }).split('\n')[0]).toBe('✖ This token cannot push to ghcr.io/acme/api — 1 problem');
    const mixed = {
      ...FAIL_REPORT,
      checks: [...FAIL_REPORT.checks, ...INCONCLUSIVE_REPORT.checks.filter((c) => c.status === 'error')],
    };
    expect(renderHuman(mixed, { ...PLAIN, quiet: true }).split('\n')[0]).toBe(
      '✖ This token cannot push to ghcr.io/acme/api — 2 problems; 1 check could not be completed',
    );
    const two = { ...INCONCLUSIVE_REPORT, checks: [...INCONCLUSIVE_REPORT.checks, { ...INCONCLUSIVE_REPORT.checks[1]!, id: 'repo.access' as const }] };
    expect(renderHuman(two, { ...PLAIN, quiet: true }).split('\n')[0]).toBe(
      '? Could not decide whether this token can push to ghcr.io/acme/api — 2 checks could not be completed',
    );
  });

  it('shows the token as the caller masked it when given', () => {
    const text = renderHuman(PASS_REPORT, { ...PLAIN, tokenDisplay: { masked: '****', label: 'legacy 40-character token' } });
    expect(text.split('\n')[2]).toBe('Token: **** (legacy 40-character token) of octocat, expires 2026-03-01 12:00 UTC');
  });

  it('names each kind by its prefix when it has only the report', () => {
    const kinds = ['classic', 'fine-grained', 'oauth', 'user-to-server', 'server-to-server', 'refresh', 'unknown'] as const;
    const lines = kinds.map((kind) => renderHuman({ ...INCONCLUSIVE_REPORT, token: { ...INCONCLUSIVE_REPORT.token, kind } }, PLAIN).split('\n')[2]);
    expect(lines).toEqual([
      'Token: ghp_**** (classic personal access token)',
      'Token: github_pat_**** (fine-grained personal access token)',
      'Token: gho_**** (OAuth app token)',
      'Token: ghu_**** (GitHub App user-to-server token)',
      'Token: ghs_**** (GitHub App installation token)',
      'Token: ghr_**** (GitHub App refresh token)',
      'Token: **** (unrecognized token)',
    ]);
  });

  it('has no escape codes with colour off', () => {
    for (const report of [PASS_REPORT, FAIL_REPORT, INCONCLUSIVE_REPORT]) expect(renderHuman(report, PLAIN)).not.toContain('\u001b');
  });
});

describe('renderHuman: a link is printed once (issue 14)', () => {
  const link = 'https://github.com/settings/tokens/new?scopes=write:packages&description=crpat%20push';
  const report = {
    ...FAIL_REPORT,
    checks: FAIL_REPORT.checks.map((finding) =>
      finding.id === 'token.scopes'
        ? { ...finding, fix: `Edit the token at https://github.com/settings/tokens and tick write:packages, or create one: ${link}` }
        : finding.id === 'registry.push'
          ? { ...finding, fix: `Use a classic token with write:packages: ${link}. Then authorize it.` }
          : finding,
    ),
  };

  it('a second fix with the same link names the first instead of printing it again', () => {
    const text = renderHuman(report, PLAIN);
    expect(text.split(link)).toHaveLength(2);
    expect(text).toContain('Fix: Use a classic token with write:packages: the link under token.scopes above. Then authorize it.');
  });

  it('on an 80-column terminal the long link has a line of its own, from the first column', () => {
    const text = renderHuman({ ...report, checks: report.checks.map((f) => (f.id === 'token.scopes' ? { ...f, fix: `Create one: ${link}${'x'.repeat(40)}` } : f)) }, { ...PLAIN, width: 80 });
    expect(text).toContain(`\n${link}${'x'.repeat(40)}\n`);
  });
});

describe('renderHuman, colour on', () => {
  it('matches the snapshot', () => {
    expect(renderHuman(FAIL_REPORT, { ...PLAIN, color: true })).toMatchSnapshot();
  });

  it('colour changes nothing but escape codes', () => {
    // eslint-disable-next-line no-control-regex
    const stripped = renderHuman(FAIL_REPORT, { ...PLAIN, color: true }).replace(/\u001b\[\d+m/g, '');
    expect(stripped).toBe(renderHuman(FAIL_REPORT, PLAIN));
  });
});

describe('renderHuman: the capability table only when it adds something (issue 14)', () => {
  const row = (granted: boolean | null, evidence: string) => ({ name: 'packages:write', needed: true, granted, evidence });
  it.each([
    ['push, established yes', 'push', [row(true, 'scope write:packages; the registry opened an upload')], false],
    ['push, established no', 'push', [row(false, 'the registry refused: 403 DENIED')], false],
    ['push, not established', 'push', [row(null, 'the registry could not be reached')], true],
    ['deploy', 'deploy', DEPLOY_REPORT.capabilities, true],
    ['no rows', 'deploy', [], false],
  ] as const)('%s', (_name, profile, capabilities, shown) => {
    const report = { ...PASS_REPORT, profile, capabilities: [...capabilities] };
    expect(capabilityTableAddsSomething(profile, capabilities)).toBe(shown);
    expect(renderHuman(report, PLAIN).includes('Capabilities for')).toBe(shown);
  });
});

describe('renderHuman: the capability table and the GITHUB_TOKEN advice (issue 6)', () => {
  it('--quiet has no table: token.capabilities keeps the evidence of each capability it lacks', () => {
    expect(renderHuman(DEPLOY_REPORT, { ...PLAIN, quiet: true })).toContain('    contents:write: no, no scope repo (scopes: write:packages).');
  });

  it('--for deploy: the verdict names the profile; the table follows the problems; the advice follows the warnings', () => {
    expect(renderHuman(DEPLOY_REPORT, PLAIN)).toBe(`✖ This token can push to ghcr.io/acme/api, but lacks what deploy needs on acme/api — 1 problem

Token: ghp_**** (classic personal access token) of octocat, expires 2026-03-01 12:00 UTC
Scopes: write:packages

✖ token.capabilities  The token lacks contents:write, which deploy needs on acme/api.
    How each was established: the capability table below.
    Fix: Create a token with exactly the scopes deploy needs (repo, write:packages): https://github.com/settings/tokens/new?scopes=repo,write:packages&description=crpat%20deploy

Capabilities for deploy:
  capability                         needed  granted  evidence
  contents:write                     yes     no       no scope repo (scopes: write:packages)
  metadata:read                      yes     yes      GET /repos answered 200 (private repository)
  environments:write                 yes     unknown  scope repo, role triage: GitHub documents "collaborator access" without naming the role
  packages:write                     yes     yes      scope write:packages; the registry opened an upload for the image
  organization_administration:write  no      no       no scope admin:org (scopes: write:packages)

GITHUB_TOKEN with \`permissions: packages: write\` may replace the personal token.
    - Give the job \`permissions: packages: write\`.
    - Pull requests from public forks always get a read-only GITHUB_TOKEN.
    Fix: Package settings ("Manage Actions access"): https://github.com/orgs/acme/packages/container/api/settings

✔ token.format    Recognised a classic personal access token, checksum matches.
✔ token.valid     The API accepts the token: it belongs to octocat.
✔ token.expiry    Expires on 2026-03-01.
✔ token.scopes    Has write:packages (implies read:packages).
- org.sso         acme does not enforce SAML single sign-on.
✔ org.policy      acme allows classic personal access tokens.
✔ repo.access     acme/api is visible to the token.
✔ repo.push       octocat can write to acme/api.
✔ registry.login  ghcr.io accepted the credentials.
✔ registry.push   ghcr.io opened an upload for acme/api; it was cancelled.
`);
  });

  it('--quiet leaves out the table and the advice', () => {
    const text = renderHuman(DEPLOY_REPORT, { ...PLAIN, quiet: true });
    expect(text).not.toContain('Capabilities');
    expect(text).not.toMatch(/^GITHUB_TOKEN/m);
  });

  it('the advice is headed GITHUB_TOKEN once: a summary that starts with the word is its own heading, another gets the label', () => {
    const advice = (summary: string) => renderHuman({ ...DEPLOY_REPORT, githubToken: { replaces: null, summary, steps: [], fix: null } }, PLAIN);
    expect(advice('GITHUB_TOKEN would not help here.')).toMatch(/^GITHUB_TOKEN would not help here\.$/m);
    expect(advice('The workflow runs in acme/other.')).toMatch(/^GITHUB_TOKEN: The workflow runs in acme\/other\.$/m);
  });

  it('a pass for deploy says both', () => {
    const pass = { ...DEPLOY_REPORT, verdict: 'pass' as const, checks: PASS_REPORT.checks };
    expect(renderHuman(pass, { ...PLAIN, quiet: true })).toBe('✔ This token can push to ghcr.io/acme/api and has what deploy needs on acme/api\n');
  });

  it('a failure of the ten keeps the push wording', () => {
    const both = { ...DEPLOY_REPORT, checks: [...FAIL_REPORT.checks, ...DEPLOY_REPORT.checks.slice(-1)] };
    expect(renderHuman(both, { ...PLAIN, quiet: true }).split('\n')[0]).toBe('✖ This token cannot push to ghcr.io/acme/api — 3 problems');
  });

  it('the table wraps the evidence in its column, all lines within the width, and is plain ASCII', () => {
    const text = capabilityTable('deploy', DEPLOY_REPORT.capabilities, 100, createStyle(false));
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(text).toMatch(/^ {54}"collaborator access"/m); // a continuation line starts in the evidence column
    expect(text).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it("on a narrow terminal each row's evidence goes under it", () => {
    const text = capabilityTable('deploy', DEPLOY_REPORT.capabilities.slice(0, 1), 50, createStyle(false));
    expect(text).toBe(`Capabilities for deploy:
  capability      needed  granted
  contents:write  yes     no
      no scope repo (scopes: write:packages)`);
  });

  it('colour only on the granted cell: yes green, needed no red, unknown yellow', () => {
    const coloured = capabilityTable('deploy', DEPLOY_REPORT.capabilities, 0, createStyle(true));
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(capabilityTable('deploy', DEPLOY_REPORT.capabilities, 0, createStyle(false)));
    expect(coloured).toContain('\u001b[31mno     \u001b[39m');
    expect(coloured).toContain('\u001b[33munknown\u001b[39m');
  });
});
