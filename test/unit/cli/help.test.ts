import { expect, it } from 'vitest';
import { HELP_TEXT } from '../../../src/cli/help.js';

it('is the help text, verbatim', () => {
  expect(HELP_TEXT).toBe(`crpat: can this GitHub token push container images for this repository?

Usage:
  crpat [check] [options]   check a token (check is the default command)
  crpat demo [--no-color]   run real checks against the built-in simulator
  crpat secret set [options]
                            check the token, then store it as an Actions secret
  crpat simulator [--api-port <n>] [--registry-port <n>] [--json]
                            serve the built-in simulator until Ctrl-C
  crpat simulator --replay <trace> [--json]
                            serve the answers a --trace file recorded
  crpat link [--for <profile>] [--repo <target>] [--json]
                            print the links that create a token with exactly
                            what a profile needs; checks nothing, needs no token
  crpat guide [<step> | all]
                            print a step of the guide to creating a token
                            (a failing check's Guide: line names the step);
                            without a step: the list of steps
  crpat workflow [files or folders...] [--check] [--repo <target>] [--json]
                            find the workflow jobs that push to ghcr.io and
                            what will break them (default: .github/workflows)
  crpat workflow init [--force]
                            write a weekly workflow that checks CR_PAT
  crpat --help | --version

Options:
  --repo <target>       owner/name, a GitHub URL, or a git remote URL; repeat
                        it to check several repositories with one token
                        (default: the git remote origin, after you confirm it)
  --repos-file <path>   repositories to check, one per line; blank lines and
                        lines starting with # are ignored
  --image <name>        container package to probe (default: repository name;
                        only with a single repository)
  --for <profile>       what the token must be able to do: push (the default:
                        push images) or deploy (also the tutorial's repository
                        permissions, judged by the check token.capabilities)
  --token-stdin         read the token from standard input
  --api-url <url>       GitHub REST API URL (default: https://api.github.com)
  --registry <host>     registry host[:port], or http://host:port on a loopback
                        host (default: ghcr.io)
  --timeout <seconds>   per-request timeout (default: 10)
  --json                print one JSON document on stdout and nothing else
  --yes                 use the git remote origin without asking
  --quiet               print only the verdict and the problems
  --verbose             show each HTTP request on stderr (credentials redacted)
  --trace <file>        write every HTTP exchange and the report to a JSON
                        file, redacted (never the token), to report a wrong
                        verdict; - writes it to stdout (the report to stderr)
  --no-color            no colour
  -h, --help            show this help
  -V, --version         show the version

The token is read from --token-stdin, else CR_PAT, else a prompt that does not
echo (on a terminal). It is never taken as an argument: --token is refused,
because a command line is visible to every user of the machine and is kept in
shell history.

Environment:
  CR_PAT           the token to check
  GITHUB_API_URL   like --api-url
  CRPAT_REGISTRY   like --registry
  GITHUB_REPOSITORY  inside GitHub Actions: when it is the repository checked,
                   the report says whether GITHUB_TOKEN can replace the token
  NO_COLOR         turn colour off
  FORCE_COLOR      turn colour on even without a terminal (0 turns it off)
  CRPAT_DEBUG=1    print the stack trace of an internal error

With several repositories the checks about the token itself run once, the
report is grouped per repository under one overall verdict, and --json prints
{"schemaVersion":1,"verdict":...,"results":[...]} (also for --repos-file with
a single line).

Exit codes:
  0  the token can push (to every repository given)
  1  the token cannot push (to at least one; the report says what to change)
  2  usage error or cancelled: nothing was checked
  3  inconclusive: a check could not be completed (network, timeout,
     server error, rate limit), or an internal error

Options of secret set (besides --repo, --token-stdin, --api-url, --registry,
--image, --timeout, --yes, --no-color):
  --name <name>         secret name (default: CR_PAT)
  --org <org>           store an organization secret instead
  --visibility <v>      all, private or selected (organization secrets;
                        default: selected, with the checked repository only)
  --repos <a,b>         repositories that may read it (visibility selected)
  --force               store it even when the check did not pass
  --overwrite           replace an existing secret without asking
  Without a terminal, --repo is required (the git remote is not used).
  The secret is written with GH_TOKEN or GITHUB_TOKEN when set, else with the
  token itself (it then needs the repo scope, or admin:org for --org).

Options of link (besides --for):
  --repo <target>       the repository the token is for: names it in the
                        token's note, and an Enterprise host is used for the
                        links
  --api-url <url>       without --repo: use this API's web host for the links
  --json                print {"profile","classic","fineGrained"} (fineGrained
                        is null for push)
  Creating the token step by step: docs/creating-a-cr-pat.md

Options of workflow (besides --repo, --token-stdin, --api-url, --registry,
--timeout, --json, --quiet, --no-color):
  --check               also check the token (CR_PAT or --token-stdin) for
                        each image pushed with a secret, and that each secret
                        named exists on the repository or its organization
  --repo <target>       the repository the workflows belong to (default: the
                        git remote origin, without asking); its owner's name
                        decides what github.repository becomes

Examples:
  crpat                                         guided check in a git checkout
  crpat --repo acme/api --token-stdin < token.txt
  CR_PAT="$SECRET" crpat --repo "$GITHUB_REPOSITORY" --json
  crpat --repo acme/api --repo acme/web         one token, two repositories
  crpat --repos-file repos.txt --json
  crpat link --repo acme/api                    a token to create for acme/api
  crpat guide sso                               authorize a token for SSO
  crpat workflow --repo acme/api               the pushes in .github/workflows
  crpat demo
`);
});

it('fits in 80 columns', () => {
  for (const line of HELP_TEXT.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
});

it('names every flag of the contract', () => {
  for (const flag of ['--repo', '--image', '--token-stdin', '--api-url', '--registry', '--timeout', '--json', '--yes', '--quiet', '--verbose', '--no-color', '--help', '--version']) {
    expect(HELP_TEXT).toContain(flag);
  }
});
