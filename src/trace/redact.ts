import { TOKEN_PREFIXES } from '../token/recognize.js';

/** What a trace never holds, each replaced by a placeholder of the same shape. */
export type RedactionKind = 'token' | 'registry-token' | 'sso-code' | 'public-key' | 'secret-value' | 'email';

export interface Redactor {
  /** Learns one more secret value of `kind` (a registry bearer token, an SSO code, a public key...). */
  add(value: string, kind: Exclude<RedactionKind, 'token' | 'email'>): void;
  /** `text` with every known secret (in every form) and every e-mail address replaced. */
  text(text: string): string;
  /** How many replacements of each kind were made so far. */
  counts(): Record<RedactionKind, number>;
  /** The placeholder that stands for the token. */
  tokenPlaceholder: string;
}

const FILL = 'REDACTED';
// A simple, deliberately broad address pattern: a false positive costs a readable word, a miss costs a leak.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const EMAIL_PLACEHOLDER = 'redacted@example.invalid';
// The Basic credential crpat sends to the token service: `crpat:<token>` (registry/login.ts).
const BASIC_USER = 'crpat';
// Any run of this many characters of the token's secret part is treated as the token.
const FRAGMENT = 16;

/**
 * Redacts a trace's strings (pure but for the counts it keeps). The token is recognised raw, URL-encoded, inside the
 * Basic credential, and base64/base64url-encoded at any byte alignment; any 16 characters of its secret part count
 * too. Placeholders keep the shape of what they replace: same length, same prefix and separators, letters and digits
 * spelled `REDACTED…`, so a reader sees what was there and a parser reads the file as it read the original.
 */
export function createRedactor(token: string, options: { emails?: boolean } = {}): Redactor {
  const counts: Record<RedactionKind, number> = { token: 0, 'registry-token': 0, 'sso-code': 0, 'public-key': 0, 'secret-value': 0, email: 0 };
  const prefix = TOKEN_PREFIXES.find((p) => token.startsWith(p)) ?? '';
  const tokenPlaceholder = prefix + shaped(token.slice(prefix.length));
  const forms: { from: string; to: string; kind: RedactionKind }[] = [];
  const addForms = (value: string, placeholder: string, kind: RedactionKind): void => {
    if (value.length < 4) return; // nothing that short is a secret, and replacing it would shred the text
    forms.push({ from: value, to: placeholder, kind });
    const encoded = encodeURIComponent(value);
    if (encoded !== value) forms.push({ from: encoded, to: encodeURIComponent(placeholder), kind });
    forms.sort((a, b) => b.from.length - a.from.length);
  };
  if (token !== '') {
    addForms(token, tokenPlaceholder, 'token');
    const basic = (t: string) => Buffer.from(`${BASIC_USER}:${t}`).toString('base64');
    addForms(basic(token), basic(tokenPlaceholder), 'token');
    for (const core of base64Cores(token)) addForms(core, shaped(core), 'token');
  }
  const secret = token.slice(prefix.length);

  return {
    tokenPlaceholder,
    add(value, kind) {
      if (value === '' || forms.some((f) => f.from === value)) return;
      addForms(value, shaped(value), kind);
    },
    text(text) {
      let out = text;
      for (const form of forms) {
        if (!out.includes(form.from)) continue;
        const parts = out.split(form.from);
        counts[form.kind] += parts.length - 1;
        out = parts.join(form.to);
      }
      if (options.emails !== false) out = out.replace(EMAIL, (address) => {
        if (address === EMAIL_PLACEHOLDER) return address;
        counts.email += 1;
        return EMAIL_PLACEHOLDER;
      });
      return withoutFragments(out, secret, () => (counts.token += 1));
    },
    counts: () => ({ ...counts }),
  };
}

/** `value` with each letter and digit replaced by `REDACTED` spelled over and over; other characters kept. */
export function shaped(value: string): string {
  let at = 0;
  return value.replace(/[A-Za-z0-9]/g, () => FILL[at++ % FILL.length]!);
}

/**
 * The parts of base64 and base64url encodings of `value` that depend on `value` alone, at each of the three byte
 * alignments it can have inside a longer encoded text.
 */
function base64Cores(value: string): string[] {
  const bytes = Buffer.from(value);
  const cores: string[] = [];
  for (const lead of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(lead), bytes]).toString('base64').replace(/=+$/, '');
    // Characters 0..ceil(lead*8/6) carry the lead bytes; the last two may mix with what follows.
    const core = encoded.slice(Math.ceil((lead * 8) / 6), -2);
    if (core.length >= FRAGMENT) cores.push(core, core.replaceAll('+', '-').replaceAll('/', '_'));
  }
  return [...new Set(cores)];
}

/** `text` with any run of FRAGMENT characters of `secret` spelled over, so even a cut token never shows. */
function withoutFragments(text: string, secret: string, counted: () => void): string {
  if (secret.length < FRAGMENT) return text;
  let out = text;
  for (let at = 0; at + FRAGMENT <= secret.length; at += 1) {
    const piece = secret.slice(at, at + FRAGMENT);
    if (!out.includes(piece)) continue;
    const parts = out.split(piece);
    for (let i = 1; i < parts.length; i++) counted();
    out = parts.join(shaped(piece));
  }
  return out;
}

/**
 * `text` with the token replaced in every form a server could have echoed it in (its placeholder stands in): for
 * output built from what a server said, such as a report quoting an error message. `token` is trimmed, as the shells
 * read it.
 */
export function redactToken(text: string, token: string): string {
  return token === '' ? text : createRedactor(token, { emails: false }).text(text);
}
