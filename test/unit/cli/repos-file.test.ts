import { describe, expect, it } from 'vitest';
import { MAX_REPOS_FILE_BYTES, parseReposFile } from '../../../src/cli/repos-file.js';

const targets = (text: string) => {
  const parsed = parseReposFile(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value.map((t) => `${t.host}/${t.owner}/${t.name}`);
};
const reason = (text: string) => {
  const parsed = parseReposFile(text);
  if (parsed.ok) throw new Error('expected a refusal');
  return parsed.reason;
};

describe('parseReposFile', () => {
  it('reads one target per line, in any --repo form, in order', () => {
    expect(targets('acme/api\nhttps://github.com/acme/web.git\ngit@github.com:acme/docs.git\n')).toEqual([
      'github.com/acme/api',
      'github.com/acme/web',
      'github.com/acme/docs',
    ]);
  });

  it('ignores blank lines, # comment lines, trailing comments, CRLF, surrounding blanks and a byte-order mark', () => {
    const text = '\uFEFF# our services\r\n\r\n  acme/api  \r\n\t# retired: acme/old\r\nacme/web # the site\r\n   \r\n';
    expect(targets(text)).toEqual(['github.com/acme/api', 'github.com/acme/web']);
  });

  it('keeps repeated lines (the library checks each repository once)', () => {
    expect(targets('acme/api\nacme/api\n')).toHaveLength(2);
  });

  it.each([
    ['acme/api\nnot a repo\n', 'line 2 is not a repository: A repository is owner/name (e.g. octocat/hello-world) or its URL.'],
    ['# header\n\nacme\n', 'line 3 is not a repository: '],
    ['acme/api\nftp://github.com/a/b\n', 'line 2 is not a repository: Unsupported URL scheme; use https://, ssh://, git:// or owner/name.'],
  ])('names a bad line by its number, without quoting it: %j', (text, want) => {
    const said = reason(text);
    expect(said.startsWith(want)).toBe(true);
    expect(said).not.toContain('not a repo\n');
    expect(said).not.toContain('ftp');
  });

  it('refuses a line that looks like a token, naming only its number', () => {
    const secret = 'ghp_SuperSecretValue0123456789abcdefABCD';
    const said = reason(`acme/api\n${secret}\n`);
    expect(said).toBe('line 2 looks like a token, not a repository; remove it (and revoke that token if the file was shared)');
    expect(said).not.toContain('Secret');
  });

  it('refuses a file with no repository, and an oversized one', () => {
    expect(reason('# nothing yet\n\n')).toBe('it lists no repository (one owner/name or URL per line)');
    expect(reason('')).toBe('it lists no repository (one owner/name or URL per line)');
    expect(reason('a/b\n'.repeat(MAX_REPOS_FILE_BYTES))).toMatch(/^it is larger than 256 KiB/);
  });
});
