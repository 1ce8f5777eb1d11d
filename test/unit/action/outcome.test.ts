import { describe, expect, it } from 'vitest';
import { annotationsFor, exitCodeFor, forRunnerLog } from '../../../src/action/outcome.js';
import { cell, renderSummary } from '../../../src/action/summary.js';
import { CHECK_IDS, type CheckStatus, type Report, type Verdict } from '../../../src/types.js';

function report(verdict: Verdict, statuses: Partial<Record<(typeof CHECK_IDS)[number], CheckStatus>> = {}): Report {
  return {
    schemaVersion: 1,
    verdict,
    target: { repository: 'acme/api', image: 'ghcr.io/acme/api', apiUrl: 'https://api.github.com', registry: 'ghcr.io' },
    token: { kind: 'classic', login: 'octocat', scopes: ['write:packages'], expiresAt: '2030-01-01T00:00:00.000Z' },
    profile: 'push',
    capabilities: [],
    githubToken: null,
    checks: CHECK_IDS.map((id) => {
      const status = statuses[id] ?? 'pass';
      return { id, status, summary: `${id} is ${status}`, fix: status === 'pass' ? null : `fix ${id} | now`, details: [] };
    }),
  };
}

describe('exitCodeFor', () => {
  it.each([
    ['pass', {}, 'fail', 0],
    ['pass', { 'token.expiry': 'warn' }, 'fail', 0],
    ['pass', { 'token.expiry': 'warn' }, 'warn', 1],
    ['fail', { 'registry.push': 'fail' }, 'fail', 1],
    ['inconclusive', { 'registry.push': 'error' }, 'fail', 1],
  ] as const)('%s %j fail-on %s → %i', (verdict, statuses, failOn, code) => {
    expect(exitCodeFor(report(verdict, statuses), failOn)).toBe(code);
  });
});

describe('annotationsFor', () => {
  it('one ::error per failing check and ::warning per warning, with the fix', () => {
    const text = annotationsFor(report('fail', { 'token.scopes': 'fail', 'token.expiry': 'warn', 'registry.push': 'skip' }), 'fail');
    expect(text).toBe(
      '::warning title=token.expiry::token.expiry is warn — fix token.expiry | now\n' +
        '::error title=token.scopes::token.scopes is fail — fix token.scopes | now\n',
    );
  });

  it('a failure carries its guide step as a command that runs without an install (issue 14)', () => {
    const failing = report('fail', { 'org.sso': 'fail' });
    const sso = failing.checks.find((c) => c.id === 'org.sso');
    if (sso) sso.details = ['Resource protected by organization SAML enforcement.', 'Guide: crpat guide sso'];
    expect(annotationsFor(failing, 'fail')).toBe('::error title=org.sso::org.sso is fail — fix org.sso | now%0AGuide: npx crpat guide sso\n');
  });

  it("the log's report points to the guide as the annotations do, and leaves the other details as they are", () => {
    const failing = report('fail', { 'org.sso': 'fail' });
    const sso = failing.checks.find((c) => c.id === 'org.sso');
    if (sso) sso.details = ['Resource protected by organization SAML enforcement.', 'Guide: crpat guide sso'];
    expect(forRunnerLog(failing).checks.find((c) => c.id === 'org.sso')?.details).toEqual([
      'Resource protected by organization SAML enforcement.',
      'Guide: npx crpat guide sso',
    ]);
    expect(sso?.details.at(-1)).toBe('Guide: crpat guide sso');
  });

  it('fail-on warn adds the error that fails the step', () => {
    expect(annotationsFor(report('pass', { 'token.expiry': 'warn' }), 'warn')).toMatch(/::error title=fail-on%3A warn::The token can push to ghcr.io\/acme\/api, but 1 check warned and fail-on is warn\.\n$/);
  });

  it('inconclusive: the undecided checks and why the step fails', () => {
    const text = annotationsFor(report('inconclusive', { 'registry.push': 'error' }), 'fail');
    expect(text).toMatch(/^::error title=registry.push::Could not be decided: registry.push is error/);
    expect(text).toMatch(/::error title=crpat::Could not decide whether this token can push to ghcr.io\/acme\/api; the step fails rather than let an unverified token through/);
  });
});

describe('renderSummary', () => {
  it('a Markdown table of every check with its fix, cells escaped', () => {
    const md = renderSummary(report('fail', { 'token.scopes': 'fail' }));
    expect(md).toMatch(/^### crpat: ❌ This token cannot push to `ghcr.io\/acme\/api`\n/);
    expect(md).toContain('Token: classic, of `octocat`, expires 2030-01-01T00:00:00.000Z; scopes: `write:packages`.');
    expect(md).toContain('| Check | Status | Summary | Fix |\n| --- | --- | --- | --- |\n');
    expect(md).toContain('| `token.scopes` | ❌ fail | token.scopes is fail | fix token.scopes \\| now |');
    expect(md).toContain('| `token.format` | ✅ pass | token.format is pass |  |');
    expect(md.match(/^\| `/gm)).toHaveLength(10);
  });

  it("a failing check's guide step follows its fix, in the form a runner can open (npx), as in the annotations", () => {
    const failing = report('fail', { 'org.sso': 'fail' });
    const checks = failing.checks.map((c) => (c.id === 'org.sso' ? { ...c, details: ['SAML', 'Guide: crpat guide sso'] } : c));
    expect(renderSummary({ ...failing, checks })).toContain('| `org.sso` | ❌ fail | org.sso is fail | fix org.sso \\| now<br>Guide: `npx crpat guide sso` |');
  });

  it('cells hold no HTML, pipes or line breaks', () => {
    expect(cell('<b>a|b</b>\nc & d')).toBe('&lt;b&gt;a\\|b&lt;/b&gt;<br>c &amp; d');
  });
});
