import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { completionScript } from '../../../src/cli/completion.js';
import { guideText } from '../../helpers/guide.js';

const guide = guideText();

/** What bash offers for `words` (the last one is being completed), by the generated script's own function. */
function bashComplete(words: string[]): string[] {
  const script = `${completionScript('bash', guide)}
COMP_WORDS=(${words.map((word) => `'${word}'`).join(' ')})
COMP_CWORD=${words.length - 1}
_crpat
printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync('bash', ['--norc', '--noprofile'], { input: script, encoding: 'utf8', cwd: '/' }).split('\n').filter(Boolean).sort();
}

describe('completionScript', () => {
  it.each(['bash', 'zsh', 'fish'] as const)('%s: the commands, a subcommand, flags, the values of --for and the guide steps', (shell) => {
    const script = completionScript(shell, guide);
    for (const word of ['check', 'secret', 'set', 'workflow', 'init', 'link', 'guide', 'demo', 'simulator', 'completion', 'repos-file', 'token-stdin', 'replay', 'overwrite', 'trace', 'push', 'deploy', 'create-token', 'sso', 'visibility']) {
      expect(script, word).toContain(word);
    }
    expect(script).not.toMatch(/undefined|\[object/);
  });

  it.each(['bash', 'zsh', 'fish'] as const)('%s: --help described as each help does, --version offered once', (shell) => {
    const script = completionScript(shell, guide);
    if (shell === 'zsh') {
      expect(script).toContain("'--help:show this help'");
      expect(script).not.toContain("'--help:show help for a command'");
      expect(script.match(/'--version:show the version' '--version:/g)).toBeNull();
    }
    if (shell === 'fish') {
      expect(script).toMatch(/-l help -s h -d 'show this help'/);
      expect(script.match(/-l version -s V/g)?.length).toBe(1);
    }
  });

  it('bash: the script is valid bash', () => {
    execFileSync('bash', ['-n'], { input: completionScript('bash', guide) });
  });

  it.each<[string[], string[]]>([
    [['crpat', ''], ['check', 'completion', 'demo', 'guide', 'help', 'link', 'secret', 'simulator', 'workflow']],
    [['crpat', 'secret', ''], ['set']],
    [['crpat', 'secret', 'set', '--ov'], ['--overwrite']],
    [['crpat', '--fo'], ['--for']],
    [['crpat', '--ver'], ['--verbose', '--version']],
    [['crpat', 'check', '--for', ''], ['deploy', 'push']],
    [['crpat', 'link', '--for', 'd'], ['deploy']],
    [['crpat', 'secret', 'set', '--visibility', ''], ['all', 'private', 'selected']],
    [['crpat', 'workflow', 'in'], ['init']],
    [['crpat', 'workflow', 'init', '--'], ['--force', '--help']],
    [['crpat', 'check', '--tr'], ['--trace']],
    [['crpat', 'simulator', '--re'], ['--registry-port', '--replay']],
    [['crpat', 'guide', 'ss'], ['sso']],
    [['crpat', 'completion', ''], ['bash', 'fish', 'zsh']],
    [['crpat', 'help', 'w'], ['workflow']],
    // The value of --repo is not a subcommand: after it, check's flags again.
    [['crpat', '--repo', 'secret', '--ye'], ['--yes']],
  ])('bash: %j', (words, want) => {
    expect(bashComplete(words)).toEqual(want);
  });
});
