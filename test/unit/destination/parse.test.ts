import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGitRemote, parseRepoTarget } from '../../../src/destination/parse.js';
import { anyString, expectReason, nearby, repoForms, repoInput, repoTarget, runs } from '../../fuzz/arbitraries.js';

const gh = (owner: string, name: string) => ({ host: 'github.com', owner, name });
const on = (host: string, owner: string, name: string) => ({ host, owner, name });

describe('parseRepoTarget accepts', () => {
  it.each([
    ['short form', 'octocat/Hello-World', gh('octocat', 'Hello-World')],
    ['short form with .git', 'octocat/hello.git', gh('octocat', 'hello')],
    ['short form with trailing /', 'octocat/hello/', gh('octocat', 'hello')],
    ['short form, surrounding blanks and newline', '  octocat/hello\n', gh('octocat', 'hello')],
    ['ledger github-api §6 GITHUB_REPOSITORY example', 'octocat/Hello-World', gh('octocat', 'Hello-World')],
    ['https URL', 'https://github.com/octo-org/my-app', gh('octo-org', 'my-app')],
    ['https URL with .git', 'https://github.com/octo-org/my-app.git', gh('octo-org', 'my-app')],
    ['https URL with trailing /', 'https://github.com/octo-org/my-app/', gh('octo-org', 'my-app')],
    ['https URL with .git and /', 'https://github.com/octo-org/my-app.git/', gh('octo-org', 'my-app')],
    ['https URL with /tree/main', 'https://github.com/octo-org/my-app/tree/main', gh('octo-org', 'my-app')],
    ['https URL with /pkgs/container/x', 'https://github.com/octo-org/my-app/pkgs/container/x', gh('octo-org', 'my-app')],
    ['https URL with /settings', 'https://github.com/octo-org/my-app/settings', gh('octo-org', 'my-app')],
    ['https URL with /blob/x/y', 'https://github.com/octo-org/my-app/blob/x/y', gh('octo-org', 'my-app')],
    ['https URL, port 443 dropped', 'https://github.com:443/o/r', gh('o', 'r')],
    ['https URL, upper-case host folded', 'HTTPS://GitHub.COM/Octo/Repo', gh('Octo', 'Repo')],
    ['https URL, www.github.com folded', 'https://www.github.com/o/r', gh('o', 'r')],
    ['http URL', 'http://github.com/o/r.git', gh('o', 'r')],
    ['http URL with extra path', 'http://github.com/o/r/tree/main', gh('o', 'r')],
    ['host without scheme', 'github.com/o/r', gh('o', 'r')],
    ['host without scheme, extra path', 'github.com/o/r/tree/main', gh('o', 'r')],
    ['scp-like SSH', 'git@github.com:octo-org/my-app.git', gh('octo-org', 'my-app')],
    ['scp-like SSH without .git', 'git@github.com:octo-org/my-app', gh('octo-org', 'my-app')],
    ['scp-like SSH with leading /', 'git@github.com:/octo-org/my-app.git', gh('octo-org', 'my-app')],
    ['ssh URL', 'ssh://git@github.com/octo-org/my-app.git', gh('octo-org', 'my-app')],
    // GitHub's SSH-over-HTTPS host is github.com (docs.github.com "Using SSH over the HTTPS port").
    ['ssh URL with port (dropped)', 'ssh://git@ssh.github.com:443/octo-org/my-app.git', on('github.com', 'octo-org', 'my-app')],
    ['ssh URL without user', 'ssh://github.com/o/r.git', gh('o', 'r')],
    ['git+ssh URL', 'git+ssh://git@github.com/o/r.git', gh('o', 'r')],
    ['git URL', 'git://github.com/o/r.git', gh('o', 'r')],
    ['GHES https', 'https://ghe.example.com/team/app', on('ghe.example.com', 'team', 'app')],
    ['GHES https with port (kept)', 'https://ghe.example.com:8443/team/app', on('ghe.example.com:8443', 'team', 'app')],
    ['GHES scp-like', 'git@ghe.example.com:team/app.git', on('ghe.example.com', 'team', 'app')],
    ['GHES ssh with port', 'ssh://git@GHE.example.com:2222/team/app.git', on('ghe.example.com', 'team', 'app')],
    ['GHE.com https', 'https://acme.ghe.com/team/app', on('acme.ghe.com', 'team', 'app')],
    ['GHE.com without scheme', 'acme.ghe.com/team/app', on('acme.ghe.com', 'team', 'app')],
    ['loopback host', 'http://127.0.0.1:8080/o/r', on('127.0.0.1:8080', 'o', 'r')],
    ['IPv6 host', 'https://[::1]:8443/o/r', on('[::1]:8443', 'o', 'r')],
    ['39-character owner', `${'a'.repeat(39)}/r`, gh('a'.repeat(39), 'r')],
    ['100-character name', `o/${'n'.repeat(100)}`, gh('o', 'n'.repeat(100))],
    ['100-character name plus .git', `o/${'n'.repeat(100)}.git`, gh('o', 'n'.repeat(100))],
    ['name with dots, dashes, underscores', 'o/.github_x-y.z', gh('o', '.github_x-y.z')],
    ["a managed user's login (name_shortcode)", 'mona_octoent/tools', gh('mona_octoent', 'tools')],
    ['only one .git stripped', 'o/r.git.git', gh('o', 'r.git')],
    ['ledger ghcr §8 example path', 'https://github.com/octo-org/my-app', gh('octo-org', 'my-app')],
  ])('%s: %s', (_form, input, want) => {
    expect(parseRepoTarget(input)).toEqual({ ok: true, value: want });
  });
});

describe('parseRepoTarget refuses', () => {
  it.each([
    ['empty', '', /empty/],
    ['white space only', ' \t \n', /empty/],
    ['space inside', 'octo cat/repo', /white space/],
    // Issue 14: words typed at the prompt are not a repository with stray spaces.
    ['words, no slash', 'not a url', /^A repository is owner\/name \(e\.g\. octocat\/hello-world\) or its URL\.$/],
    ['tab inside', 'octo\tcat/repo', /control character/],
    ['NUL', 'octocat/re\0po', /control character/],
    ['DEL', 'octocat/re\x7fpo', /control character/],
    ['credentials in https URL', 'https://user:pw@github.com/o/r', /credentials must not be in/i],
    ['token as user in https URL', 'https://x-access-token@github.com/o/r.git', /credentials must not be in/i],
    ['credentials without scheme', 'user:pw@github.com/o/r', /credentials must not be in/i],
    ['password in ssh URL', 'ssh://git:pw@github.com/o/r.git', /credentials must not be in/i],
    ['password in scp-like form', 'git:pw@github.com:o/r.git', /credentials must not be in/i],
    ['query string', 'https://github.com/o/r?tab=readme', /query string/],
    ['fragment', 'https://github.com/o/r#readme', /fragment/],
    ['Cyrillic look-alike "о" in owner', 'оctocat/repo', /non-ASCII character U\+043E/],
    ['non-breaking space', 'octocat/\u00a0repo', /non-ASCII character U\+00A0|white space/],
    ['full-width solidus', 'octocat\uff0frepo', /U\+FF0F/],
    ['percent-encoding', 'https://github.com/o/r%2Fx', /percent-encoding/],
    ['unknown scheme ftp', 'ftp://github.com/o/r', /Unsupported URL scheme "ftp"/],
    ['unknown scheme file', 'file:///home/me/r', /Unsupported URL scheme "file"/],
    ['missing name (short)', 'octocat', /needs a name/],
    ['missing name (URL)', 'https://github.com/octocat', /needs a name/],
    ['missing owner (URL)', 'https://github.com/', /needs an owner/],
    ['missing owner (short)', '/repo', /needs an owner/],
    ['.git only as name', 'o/.git', /needs a name/],
    ['too many parts in short form', 'a/b/c', /Too many parts/],
    ['extra path in scp-like remote', 'git@github.com:o/r/x.git', /extra path/],
    ['extra path in ssh remote', 'ssh://git@github.com/o/r/x', /extra path/],
    ['owner with two underscores', 'my_org_x/repo', /not a valid GitHub login/],
    ['owner with an underscore at the start', '_org/repo', /not a valid GitHub login/],
    ['owner with double hyphen', 'my--org/repo', /not a valid GitHub login/],
    ['owner starting with hyphen', '-org/repo', /not a valid GitHub login/],
    ['owner ending with hyphen', 'org-/repo', /not a valid GitHub login/],
    ['owner of 40 characters', `${'a'.repeat(40)}/r`, /not a valid GitHub login/],
    ['name "."', 'o/.', /cannot be "\." or "\.\."/],
    ['name ".."', 'o/..', /cannot be "\." or "\.\."/],
    ['name with "+"', 'o/r+x', /may use only letters/],
    ['name of 101 characters', `o/${'n'.repeat(101)}`, /may use only letters/],
    ['bad host label', 'https://-bad.example/o/r', /not a valid host/],
    ['empty host', 'https:///o/r', /not a valid host/],
    ['port 0', 'https://ghe.example.com:0/o/r', /port/],
    ['port 70000', 'https://ghe.example.com:70000/o/r', /port/],
    ['API URL pasted', 'https://api.github.com/repos/o/r', /API host api.github.com/],
    ['image reference pasted', 'ghcr.io/o/r', /container registry ghcr.io/],
    ['org page', 'https://github.com/orgs/acme/packages', /GitHub page/],
    ['user package page', 'https://github.com/users/me/packages/container/package/x', /GitHub page/],
  ])('%s: %j', (_form, input, want) => {
    const result = parseRepoTarget(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(want);
      expectReason(result.reason);
    }
  });
});

describe('parseGitRemote', () => {
  it.each([
    ['https with user:password', 'https://me:s3cret@github.com/o/r.git', 'https://github.com/o/r.git'],
    ['https with token as user', 'https://x-access-token:tok@github.com/o/r.git', 'https://github.com/o/r.git'],
    ['https with user only', 'https://me@github.com/o/r.git', 'https://github.com/o/r.git'],
    ['plain https', 'https://github.com/o/r.git', 'https://github.com/o/r.git'],
    ['scp-like keeps its user', 'git@github.com:o/r.git', 'git@github.com:o/r.git'],
    ['ssh keeps its user, drops a password', 'ssh://git:pw@github.com/o/r.git', 'ssh://git@github.com/o/r.git'],
    ['trailing newline of git output', 'git@github.com:o/r.git\n', 'git@github.com:o/r.git'],
  ])('%s', (_form, input, display) => {
    const result = parseGitRemote(input);
    expect(result).toEqual({ ok: true, value: { target: gh('o', 'r'), display } });
  });

  it('still refuses what is not a repository', () => {
    expect(parseGitRemote('/home/me/repo').ok).toBe(false);
  });
});

describe('properties', () => {
  it('every form of a valid target round-trips to the same {host, owner, name}', () => {
    fc.assert(
      fc.property(repoTarget, (t) => {
        const want = { host: t.host.toLowerCase(), owner: t.owner, name: t.name };
        for (const form of repoForms(t.host, t.owner, t.name)) {
          expect(parseRepoTarget(form)).toEqual({ ok: true, value: want });
          expect(parseGitRemote(form)).toEqual({ ok: true, value: { target: want, display: form } });
        }
      }),
      runs(200),
    );
  });

  it('credentials are refused by parseRepoTarget and never reach display in parseGitRemote', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9]{8,20}$/);
    fc.assert(
      fc.property(repoTarget, secret, (t, pw) => {
        const url = `https://me:${pw}@${t.host}/${t.owner}/${t.name}.git`;
        expect(parseRepoTarget(url).ok).toBe(false);
        // The display is the URL without its userinfo, not "the URL minus every copy of the password":
        // a password may also be a word of the path (seed 314717482 drew `structor` for both).
        expect(parseGitRemote(url)).toEqual({
          ok: true,
          value: {
            target: { host: t.host.toLowerCase(), owner: t.owner, name: t.name },
            display: `https://${t.host}/${t.owner}/${t.name}.git`,
          },
        });
      }),
      runs(200),
    );
  });

  it('never throws and returns the documented shape on any string', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, nearby(repoInput)), (input) => {
        for (const result of [parseRepoTarget(input), parseGitRemote(input)]) {
          if (!result.ok) expectReason(result.reason);
        }
        const target = parseRepoTarget(input);
        if (target.ok) {
          expect(target.value.host).toBe(target.value.host.toLowerCase());
          // A managed user's login is `name_SHORTCODE` (docs/github-behaviour.md#enterprise-managed-users).
          expect(target.value.owner).toMatch(/^(?=.{1,39}$)[A-Za-z0-9-]+(?:_[A-Za-z0-9]+)?$/);
          expect(target.value.name).toMatch(/^[A-Za-z0-9._-]{1,100}$/);
        }
      }),
      runs(200),
    );
  });
});
