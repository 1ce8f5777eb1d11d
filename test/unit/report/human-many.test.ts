import { describe, expect, it } from 'vitest';
import { overallVerdict } from '../../../src/pipeline/check-token-many.js';
import { renderHumanMany } from '../../../src/report/human-many.js';
import { renderJson } from '../../../src/report/json.js';
import type { ManyReport, Report } from '../../../src/types.js';
import { FAIL_REPORT, INCONCLUSIVE_REPORT, PASS_REPORT } from './fixtures.js';

const at = (report: Report, repository: string): Report => ({
  ...report,
  target: { ...report.target, repository, image: `ghcr.io/${repository}` },
});
const many = (...results: Report[]): ManyReport => ({ schemaVersion: 1, verdict: overallVerdict(results), results });
const PLAIN = { color: false, unicode: true, quiet: false, width: 0 };

describe('overallVerdict', () => {
  it.each([
    [['pass', 'pass'], 'pass'],
    [['pass', 'fail', 'inconclusive'], 'fail'],
    [['pass', 'inconclusive'], 'inconclusive'],
    [[], 'inconclusive'],
  ] as const)('%j → %s', (verdicts, want) => {
    expect(overallVerdict(verdicts.map((verdict) => ({ verdict })))).toBe(want);
  });
});

describe('renderHumanMany', () => {
  it('all pass: one overall line, the token once, one line per repository', () => {
    const text = renderHumanMany(many(at(PASS_REPORT, 'acme/api'), at(PASS_REPORT, 'acme/web')), PLAIN);
    expect(text).toBe(
      [
        '✔ This token can push to all 2 repositories',
        '',
        'Token: ghp_**** (classic personal access token) of octocat, expires 2026-03-01 12:00 UTC',
        'Scopes: repo, write:packages',
        '',
        '✔ This token can push to ghcr.io/acme/api',
        '',
        '✔ This token can push to ghcr.io/acme/web',
        '',
      ].join('\n'),
    );
  });

  it('the overall verdict comes first; each repository lists its own problems under its verdict', () => {
    const text = renderHumanMany(many(at(PASS_REPORT, 'acme/api'), at(FAIL_REPORT, 'acme/web'), at(INCONCLUSIVE_REPORT, 'acme/docs')), PLAIN);
    const lines = text.split('\n');
    expect(lines[0]).toBe('✖ This token cannot push to 1 of 3 repositories; 1 could not be decided');
    expect(text).toContain('✖ This token cannot push to ghcr.io/acme/web');
    expect(text.indexOf('ghcr.io/acme/web')).toBeLessThan(text.indexOf('✖ token.scopes'));
    expect(text.indexOf('✖ token.scopes')).toBeLessThan(text.indexOf('acme/docs'));
    expect(text).toContain('? Could not decide whether this token can push to ghcr.io/acme/docs');
  });

  it('a token problem shared by every repository is said once, above them', () => {
    const text = renderHumanMany(many(at(FAIL_REPORT, 'acme/api'), at(FAIL_REPORT, 'acme/web')), PLAIN);
    expect(text.split('✖ token.scopes')).toHaveLength(2);
    expect(text.indexOf('✖ token.scopes')).toBeLessThan(text.indexOf('ghcr.io/acme/api'));
    expect(text.split('✖ registry.push')).toHaveLength(3);
  });

  it('--quiet: the overall line and the repositories that did not pass, with their problems only', () => {
    const text = renderHumanMany(many(at(PASS_REPORT, 'acme/api'), at(FAIL_REPORT, 'acme/web')), { ...PLAIN, quiet: true });
    expect(text).not.toContain('push to ghcr.io/acme/api');
    expect(text).not.toContain('Token:');
    expect(text).not.toContain('⚠');
    expect(text.split('\n')[0]).toBe('✖ This token cannot push to 1 of 2 repositories');
  });

  it('inconclusive overall: says how many could not be decided and that none refused', () => {
    const text = renderHumanMany(many(at(PASS_REPORT, 'acme/api'), at(INCONCLUSIVE_REPORT, 'acme/web')), PLAIN);
    expect(text.split('\n')[0]).toBe('? Could not decide whether this token can push to 1 of 2 repositories; none refused it');
  });
});

describe('renderJson with several repositories', () => {
  it('prints {schemaVersion, verdict, results} with one single-repository document per repository', () => {
    const result = many(at(PASS_REPORT, 'acme/api'), at(FAIL_REPORT, 'acme/web'));
    const parsed = JSON.parse(renderJson(result)) as ManyReport;
    expect(Object.keys(parsed)).toEqual(['schemaVersion', 'verdict', 'results']);
    expect(parsed.verdict).toBe('fail');
    expect(parsed.results.map((r) => r.target.repository)).toEqual(['acme/api', 'acme/web']);
    expect(parsed.results[0]).toEqual(JSON.parse(renderJson(at(PASS_REPORT, 'acme/api'))));
  });
});
