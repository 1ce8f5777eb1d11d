import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm test` on a developer's machine must not install system packages (issue 11): its pretest step only says what is
// missing. Run on a PATH without the programs, with a sudo and an apt-get that record being called.

const ROOT = join(import.meta.dirname, '../..');
let bin: string;
let calls: string;

beforeAll(() => {
  bin = mkdtempSync(join(tmpdir(), 'crpat-test-deps-'));
  calls = join(bin, 'calls.log');
  for (const tool of ['bash', 'id', 'cat', 'tee', 'chmod', 'rm', 'systemctl']) {
    const found = ['/usr/bin', '/bin'].map((dir) => join(dir, tool)).find((path) => existsSync(path));
    if (found) symlinkSync(found, join(bin, tool));
  }
  for (const tool of ['sudo', 'apt-get']) {
    writeFileSync(join(bin, tool), `#!/bin/sh\necho "${tool} $*" >> '${calls}'\nexit 0\n`);
    chmodSync(join(bin, tool), 0o755);
  }
});
afterAll(() => rmSync(bin, { recursive: true, force: true }));

/** The first command of package.json's pretest script (the system check), run as npm would run it, but not as root. */
function pretestCheck() {
  const pretest = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['pretest'] ?? '';
  const first = pretest.split('&&')[0]?.trim() ?? '';
  expect(first).toMatch(/^bash scripts\/[a-z-]+\.sh$/);
  const script = first.replace(/^bash /, '');
  // A non-root user who could sudo: exactly the developer whose machine must not be changed.
  const fakeId = join(bin, 'id');
  rmSync(fakeId, { force: true });
  writeFileSync(fakeId, '#!/bin/sh\necho 1000\n');
  chmodSync(fakeId, 0o755);
  return spawnSync(join(bin, 'bash'), [script], { cwd: ROOT, env: { PATH: bin, HOME: bin }, encoding: 'utf8' });
}

describe('npm test on a machine without the test programs', () => {
  it('names the missing packages and how to install them, exits 1, and runs neither sudo nor apt-get', () => {
    const result = pretestCheck();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('The tests need programs that are not installed: docker-registry openssl tmux zsh.');
    expect(result.stderr).toContain('sudo apt-get install --no-install-recommends docker-registry openssl tmux zsh');
    expect(existsSync(calls) ? readFileSync(calls, 'utf8') : '').toBe('');
  });

  it("the README's test line installs what the tests need, then runs npm test, as .ci/run does", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme.split('\n').slice(0, 6).join('\n')).toMatch(/^bash scripts\/install-test-deps\.sh && npm test .*docker-registry, openssl, tmux, zsh/m);
  });

  it('.ci/run still installs them (through scripts/install-test-deps.sh) before npm test', () => {
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    expect(ci.indexOf('bash scripts/install-test-deps.sh')).toBeGreaterThan(-1);
    expect(ci.indexOf('bash scripts/install-test-deps.sh')).toBeLessThan(ci.indexOf('npm test\n'));
  });
});
