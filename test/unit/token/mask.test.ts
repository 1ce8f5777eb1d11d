import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskToken } from '../../../src/token/mask.js';
import { anyString, anyValidToken, mint, runs } from '../../fuzz/arbitraries.js';

describe('maskToken', () => {
  it.each([
    ['classic', mint('ghp_', 'x'.repeat(30)), 'ghp_****'],
    ['OAuth', mint('gho_', 'x'.repeat(30)), 'gho_****'],
    ['user-to-server', mint('ghu_', 'x'.repeat(30)), 'ghu_****'],
    ['installation', mint('ghs_', 'x'.repeat(30)), 'ghs_****'],
    ['installation, JWT format', 'ghs_1_aaa.bbb.ccc', 'ghs_****'],
    ['refresh', `ghr_${'a'.repeat(76)}`, 'ghr_****'],
    ['fine-grained (gh would show 22 characters)', `github_pat_${'a'.repeat(22)}_${'b'.repeat(59)}`, 'github_pat_****'],
    ['legacy hex', 'a'.repeat(40), '****'],
    ['unknown', 'hunter2', '****'],
    ['empty', '', '****'],
    ['untrimmed', `  ${mint('ghp_', 'x'.repeat(30))}\n`, 'ghp_****'],
  ])('%s', (_kind, token, want) => {
    expect(maskToken(token)).toBe(want);
  });

  it('never reveals more than the prefix, nor the length', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, anyValidToken), (token) => {
        const masked = maskToken(token);
        expect(masked).toMatch(/^(ghp_|gho_|ghu_|ghs_|ghr_|github_pat_)?\*{4}$/);
      }),
      runs(200),
    );
  });
});
