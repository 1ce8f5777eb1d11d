import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recognizeToken, type TokenShape } from '../../../src/token/recognize.js';
import {
  alnumString,
  anyString,
  anyValidToken,
  fineGrainedToken,
  installationJwtToken,
  mint,
  mintedToken,
  mistypedToken,
  nearby,
  runs,
} from '../../fuzz/arbitraries.js';

// Synthetic tokens only: bodies are made up here, checksums computed (src/token/checksum.ts).
const BODY = 'zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ'; // the ledger github-api §1 worked example body (a revoked token)
const classic = mint('ghp_', BODY);
const oauth = mint('gho_', 'A'.repeat(30));
const u2s = mint('ghu_', 'B1'.repeat(15));
const s2sOld = mint('ghs_', 'C2'.repeat(15));
const fine = `github_pat_11A${'a'.repeat(19)}_${'B'.repeat(59)}`;
const jwt = `ghs_123456_${'eyJhbGciOiJSUzI1NiJ9'}.${'eyJpc3MiOiJnaXRodWIifQ'}.${'c2lnbmF0dXJlLXBhcnQ_-'}`;
const refresh80 = `ghr_${'1B4a'.repeat(19)}`;
const legacy = 'a'.repeat(20) + '0123456789abcdef0123';

type Want = Pick<TokenShape, 'kind' | 'checksum'> & { code: string | null; label?: string };

describe('recognizeToken', () => {
  it.each<[string, string, Want]>([
    ['ledger github-api §1.2 worked example (real, revoked)', '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', { kind: 'classic', checksum: 'valid', code: null, label: 'classic personal access token' }],
    ['ledger github-api §1.2 Rust vector 1', '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', { kind: 'classic', checksum: 'valid', code: null }],
    ['ledger github-api §1.2 Rust vector 2', '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', { kind: 'classic', checksum: 'valid', code: null }],
    ['ledger github-api §1.2 Rust vector 3', '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', { kind: 'classic', checksum: 'valid', code: null }],
    ['ledger github-api §1.2 Rust vector 4', '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', { kind: 'classic', checksum: 'valid', code: null }],
    ['ledger github-api §1.2 counter-example (last char changed)', 'ghp_M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq11T4V3', { kind: 'classic', checksum: 'invalid', code: 'checksum' }],
    ['ledger github-api §1.1 docs example ghp_ (fake checksum)', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a', { kind: 'classic', checksum: 'invalid', code: 'checksum' }],
    ['ledger github-api §1.1 docs example gho_ (fake checksum)', 'gho_16C7e42F292c6912E7710c838347Ae178B4a', { kind: 'oauth', checksum: 'invalid', code: 'checksum' }],
    ['ledger github-api §1.1 docs example ghu_ (fake checksum)', 'ghu_16C7e42F292c6912E7710c838347Ae178B4a', { kind: 'user-to-server', checksum: 'invalid', code: 'checksum' }],
    ['ledger github-api §1.1 docs example ghs_ (fake checksum)', 'ghs_16C7e42F292c6912E7710c838347Ae178B4a', { kind: 'server-to-server', checksum: 'invalid', code: 'checksum' }],
    ['synthetic classic', classic, { kind: 'classic', checksum: 'valid', code: null }],
    ['synthetic OAuth', oauth, { kind: 'oauth', checksum: 'valid', code: null, label: 'OAuth app token' }],
    ['synthetic user-to-server', u2s, { kind: 'user-to-server', checksum: 'valid', code: null, label: 'GitHub App user-to-server token' }],
    ['synthetic old 40-char installation', s2sOld, { kind: 'server-to-server', checksum: 'valid', code: null, label: 'GitHub App installation token' }],
    ['ledger github-api §1.5 new ghs_APPID_JWT format', jwt, { kind: 'server-to-server', checksum: 'not-applicable', code: null }],
    ['ledger github-api §1.4 fine-grained shape', fine, { kind: 'fine-grained', checksum: 'not-applicable', code: null, label: 'fine-grained personal access token' }],
    ['ledger github-api §1.1 refresh, 80 chars like the docs example', refresh80, { kind: 'refresh', checksum: 'not-applicable', code: null, label: 'GitHub App refresh token' }],
    ['ledger github-api §1.1 legacy 40 lowercase hex', legacy, { kind: 'classic', checksum: 'not-applicable', code: null, label: 'legacy 40-character token' }],
    ['untrimmed input (trailing newline)', `  ${classic}\n`, { kind: 'classic', checksum: 'valid', code: null }],
    ['empty', '', { kind: 'unknown', checksum: 'not-applicable', code: 'empty', label: 'unrecognized token' }],
    ['white space only', ' \t\n ', { kind: 'unknown', checksum: 'not-applicable', code: 'empty' }],
    ['space inside', `${classic.slice(0, 20)} ${classic.slice(20)}`, { kind: 'classic', checksum: 'not-applicable', code: 'whitespace' }],
    ['NUL inside', `${classic.slice(0, 20)}\0${classic.slice(21)}`, { kind: 'classic', checksum: 'not-applicable', code: 'control' }],
    ['line break inside', `${classic.slice(0, 20)}\n${classic.slice(20)}`, { kind: 'classic', checksum: 'not-applicable', code: 'control' }],
    ['two tokens, space between', `${classic} ${oauth}`, { kind: 'classic', checksum: 'not-applicable', code: 'two-tokens' }],
    ['two tokens, line break between', `${classic}\n${classic}`, { kind: 'classic', checksum: 'not-applicable', code: 'two-tokens' }],
    ['two tokens, glued', `${classic}${oauth}`, { kind: 'classic', checksum: 'not-applicable', code: 'two-tokens' }],
    ['JWT installation token then classic, glued', `${jwt}${classic}`, { kind: 'server-to-server', checksum: 'not-applicable', code: 'two-tokens' }],
    ['JWT installation token then fine-grained, glued', `${jwt}${fine}`, { kind: 'server-to-server', checksum: 'not-applicable', code: 'two-tokens' }],
    ['old installation token then JWT one, glued', `${s2sOld}${jwt}`, { kind: 'server-to-server', checksum: 'not-applicable', code: 'two-tokens' }],
    ['fine-grained then classic, glued', `${fine}${classic}`, { kind: 'fine-grained', checksum: 'not-applicable', code: 'two-tokens' }],
    ['two legacy tokens, glued', legacy + legacy, { kind: 'unknown', checksum: 'not-applicable', code: 'two-tokens' }],
    ['Cyrillic "р" in the prefix', 'ghр_' + classic.slice(4), { kind: 'unknown', checksum: 'not-applicable', code: 'alphabet' }],
    ['Cyrillic "А" in the body', `${classic.slice(0, 10)}А${classic.slice(11)}`, { kind: 'classic', checksum: 'not-applicable', code: 'alphabet' }],
    ['classic cut by one', classic.slice(0, 39), { kind: 'classic', checksum: 'not-applicable', code: 'length' }],
    ['classic with an extra char', `${classic}x`, { kind: 'classic', checksum: 'not-applicable', code: 'length' }],
    ['classic with "/" (ledger github-api §1.2 invalid vector)', `${classic.slice(0, 39)}/`, { kind: 'classic', checksum: 'not-applicable', code: 'alphabet' }],
    ['classic, prefix only', 'ghp_', { kind: 'classic', checksum: 'not-applicable', code: 'length' }],
    ['fine-grained cut', fine.slice(0, 92), { kind: 'fine-grained', checksum: 'not-applicable', code: 'length' }],
    ['fine-grained without its middle _', fine.replace(/_(?=B)/, 'x'), { kind: 'fine-grained', checksum: 'not-applicable', code: 'length' }],
    ['fine-grained, middle _ moved', `github_pat_${'a'.repeat(21)}_${'B'.repeat(60)}`, { kind: 'fine-grained', checksum: 'not-applicable', code: 'length' }],
    ['fine-grained with "-"', `${fine.slice(0, 20)}-${fine.slice(21)}`, { kind: 'fine-grained', checksum: 'not-applicable', code: 'alphabet' }],
    // Any `ghs_[A-Za-z0-9._-]{36,}` may be a token GitHub issued: neither dots nor length are refused offline.
    ['JWT installation token with one dot', jwt.slice(0, jwt.lastIndexOf('.')), { kind: 'server-to-server', checksum: 'not-applicable', code: null }],
    ['installation token with "-" and no dots', `ghs_123456_${'a-b'.repeat(20)}`, { kind: 'server-to-server', checksum: 'not-applicable', code: null }],
    ['installation token cut below 36 characters', 'ghs_123456_abc.def', { kind: 'server-to-server', checksum: 'not-applicable', code: 'length' }],
    ['JWT installation token with "+"', jwt.replace('J', '+'), { kind: 'server-to-server', checksum: 'not-applicable', code: 'alphabet' }],
    ['very long installation token', `ghs_1_${'a'.repeat(3000)}.b.c`, { kind: 'server-to-server', checksum: 'not-applicable', code: null }],
    ['refresh too short', `ghr_${'a'.repeat(20)}`, { kind: 'refresh', checksum: 'not-applicable', code: 'length' }],
    ['refresh with "_"', `ghr_${'a'.repeat(40)}_x`, { kind: 'refresh', checksum: 'not-applicable', code: 'alphabet' }],
    ['40 upper-case hex', 'A'.repeat(40), { kind: 'unknown', checksum: 'not-applicable', code: 'not-github' }],
    ['a password', 'hunter2', { kind: 'unknown', checksum: 'not-applicable', code: 'not-github' }],
    ['upper-case prefix', `GHP_${classic.slice(4)}`, { kind: 'unknown', checksum: 'not-applicable', code: 'not-github' }],
    ['export line pasted', `CR_PAT=${classic}`, { kind: 'unknown', checksum: 'not-applicable', code: 'not-github' }],
    ['Bearer header pasted', `Bearer:${classic}`, { kind: 'unknown', checksum: 'not-applicable', code: 'not-github' }],
  ])('%s', (_case, token, want) => {
    const shape = recognizeToken(token);
    expect({ kind: shape.kind, checksum: shape.checksum, code: shape.problem?.code ?? null }).toEqual({
      kind: want.kind,
      checksum: want.checksum,
      code: want.code,
    });
    if (want.label) expect(shape.label).toBe(want.label);
  });

  it('says a checksum failure means mistyped or cut', () => {
    expect(recognizeToken('ghp_M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq11T4V3').problem?.message).toMatch(/mistyped or cut/);
  });

  it('says extra text was pasted when a prefix appears later', () => {
    expect(recognizeToken(`CR_PAT=${classic}`).problem?.message).toMatch(/extra text before the token/);
  });
});

describe('properties', () => {
  it('valid minted tokens of every kind are recognized without a problem', () => {
    fc.assert(
      fc.property(anyValidToken, (token) => {
        expect(recognizeToken(token).problem).toBeNull();
      }),
      runs(200),
    );
  });

  it('minted checksummed tokens pass the checksum', () => {
    fc.assert(
      fc.property(mintedToken, (token) => {
        expect(recognizeToken(token).checksum).toBe('valid');
      }),
      runs(200),
    );
  });

  it('a random single-character change to a minted token fails the checksum', () => {
    fc.assert(
      fc.property(mistypedToken, (token) => {
        const shape = recognizeToken(token);
        expect(shape.checksum).toBe('invalid');
        expect(shape.problem?.code).toBe('checksum');
      }),
      runs(200),
    );
  });

  it('two valid tokens pasted together are never accepted', () => {
    const sep = fc.constantFrom('', ' ', '\n', '\t', '  ');
    fc.assert(
      fc.property(anyValidToken, sep, anyValidToken, (a, s, b) => {
        // A variable-length token (ghr_, JWT ghs_) glued to a legacy or refresh token is one valid-looking token:
        // flagging a ghr_ suffix would refuse about 1 in 100,000 real JWT tokens.
        fc.pre(!(s === '' && /^([0-9a-f]{40}|ghr_.*)$/.test(b) && /^(ghr_|ghs_.*\.)/.test(a)));
        expect(recognizeToken(`${a}${s}${b}`).problem).not.toBeNull();
      }),
      runs(200),
    );
  });

  it('fine-grained and JWT installation tokens never get a checksum verdict', () => {
    fc.assert(
      fc.property(fc.oneof(fineGrainedToken, installationJwtToken), (token) => {
        expect(recognizeToken(token).checksum).toBe('not-applicable');
      }),
      runs(200),
    );
  });

  it('never throws, returns the documented shape, and never echoes the token', () => {
    const input = fc.oneof(anyString, nearby(anyValidToken), alnumString(40), nearby(mintedToken));
    fc.assert(
      fc.property(input, (token) => {
        const shape = recognizeToken(token);
        expect(['valid', 'invalid', 'not-applicable']).toContain(shape.checksum);
        expect(shape.label.length).toBeGreaterThan(0);
        if (shape.problem !== null) {
          expect(shape.problem.message).toMatch(/^[A-Z].*\.$/);
          if (token.trim().length >= 8) expect(shape.problem.message).not.toContain(token.trim());
        }
      }),
      runs(200),
    );
  });
});

describe('installation token app id', () => {
  it('reads the app id of a 2026-format token, and none from other tokens', () => {
    expect(recognizeToken(`ghs_15368_${'a'.repeat(40)}.b.c`).appId).toBe(15368);
    expect(recognizeToken(`ghs_2345678_${'a'.repeat(40)}`).appId).toBe(2345678);
    expect(recognizeToken('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').appId).toBeUndefined();
  });
});

describe('an old-format installation token glued to a legacy token', () => {
  it('is refused: its first 36 characters hold the checksum of a whole token', () => {
    expect(recognizeToken(`${s2sOld}${'0'.repeat(40)}`).problem).not.toBeNull();
  });
});

describe('ghs_ bodies of letters and digits alone (issue 10: never refused offline for their length)', () => {
  it.each([37, 40, 76, 2000])('%i characters are accepted: GitHub could issue one', (length) => {
    const token = `ghs_${'aB3'.repeat(700).slice(0, length)}`;
    expect(recognizeToken(token)).toMatchObject({ kind: 'server-to-server', checksum: 'not-applicable', problem: null });
  });
});
