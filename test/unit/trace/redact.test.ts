import { describe, expect, it } from 'vitest';
import { mintToken } from '../../../src/simulator/tokens.js';
import { createRedactor, redactToken, shaped } from '../../../src/trace/redact.js';

const TOKEN = mintToken('classic', 'redact-test');

describe('createRedactor', () => {
  it('replaces the token raw, URL-encoded, in the Basic credential and base64/base64url at every alignment', () => {
    const r = createRedactor(TOKEN);
    const forms = [
      TOKEN,
      encodeURIComponent(TOKEN),
      `Basic ${Buffer.from(`crpat:${TOKEN}`).toString('base64')}`,
      Buffer.from(TOKEN).toString('base64'),
      Buffer.from(`x${TOKEN}`).toString('base64'),
      Buffer.from(`xy${TOKEN}`).toString('base64url'),
      `cut: ${TOKEN.slice(8, 30)}`,
    ];
    for (const form of forms) {
      const out = r.text(`<${form}>`);
      expect(out, form).not.toContain(TOKEN.slice(4, 20));
      expect(out.length, form).toBe(form.length + 2);
    }
    expect(r.counts().token).toBeGreaterThanOrEqual(forms.length);
  });

  it('keeps the shape: same prefix, same length, letters and digits spelled REDACTED', () => {
    const r = createRedactor(TOKEN);
    expect(r.tokenPlaceholder).toBe(`ghp_${shaped(TOKEN.slice(4))}`);
    expect(r.text(`token ${TOKEN}`)).toBe(`token ghp_REDACTEDREDACTEDREDACTEDREDACTEDREDA`);
    expect(shaped('a.b_c-9')).toBe('R.E_D-A');
  });

  it('redacts the secrets it learns, and e-mail addresses', () => {
    const r = createRedactor(TOKEN);
    r.add('registry-bearer-0123456789', 'registry-token');
    r.add('AZSCKtL4U8yX1H3sCq4MakUmn2wcK', 'sso-code');
    const out = r.text('Bearer registry-bearer-0123456789 sso?authorization_request=AZSCKtL4U8yX1H3sCq4MakUmn2wcK mail octocat@github.com');
    expect(out).toBe('Bearer REDACTED-REDACT-EDREDACTED sso?authorization_request=REDACTEDREDACTEDREDACTEDREDAC mail redacted@example.invalid');
    expect(r.counts()).toMatchObject({ 'registry-token': 1, 'sso-code': 1, email: 1 });
  });

  it('redactToken leaves e-mail addresses and text without the token alone', () => {
    expect(redactToken('octocat@github.com said hi', TOKEN)).toBe('octocat@github.com said hi');
    expect(redactToken(`echo ${TOKEN}`, TOKEN)).not.toContain(TOKEN);
  });
});
