import { describe, expect, it } from 'vitest';
import { hasValidChecksum, tokenChecksum } from '../../../src/token/checksum.js';

// Real, revoked classic tokens published as test vectors (ledger github-api §1.2).
const REAL_REVOKED = [
  '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',
  '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',
  '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',
  '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',
  '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',
];

describe('tokenChecksum', () => {
  it('matches the worked example in the ledger (github-api §1)', () => {
    expect(tokenChecksum('zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ')).toBe('0mLq17');
  });

  it.each(REAL_REVOKED)('accepts the real token %s', (token) => {
    expect(hasValidChecksum(token.slice(4))).toBe(true);
  });

  it('refuses a one-character typo', () => {
    expect(hasValidChecksum('M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq11T4V3')).toBe(false);
  });

  it("refuses GitHub's documentation example, which is fake", () => {
    expect(hasValidChecksum('16C7e42F292c6912E7710c838347Ae178B4a')).toBe(false);
  });

  it('refuses a cut token', () => {
    expect(hasValidChecksum('M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq11T4V')).toBe(false);
  });
});
