import { describe, expect, it } from 'vitest';
import { confirmEnterprise, trustRepositoryHosts } from '../../../src/cli/host-trust.js';
import { CancelledError, InconclusiveError, UsageError } from '../../../src/errors.js';
import { testIO, type TestIOOptions } from '../../helpers/io.js';
import { FakePrompter } from '../../helpers/prompter.js';

const TERMINAL = { stdinTTY: true, stderrTTY: true };

function setup(io: TestIOOptions, env: Record<string, string> = {}) {
  const prompter = new FakePrompter();
  const notes: string[] = [];
  return { prompter, notes, deps: { io: testIO(io).io, prompter, env, note: (line: string) => notes.push(line) } };
}

const options = (hosts: string[], extra: { apiUrl?: string; registry?: string } = {}) => ({ hosts, apiUrl: extra.apiUrl ?? null, registry: extra.registry ?? null });

describe('trustRepositoryHosts', () => {
  it('github.com and GHE.com need no word from the user: nothing to pass, nothing asked', async () => {
    const { deps, prompter } = setup(TERMINAL);
    expect(await trustRepositoryHosts(options(['github.com']), deps)).toBeNull();
    expect(await trustRepositoryHosts(options(['octo.ghe.com']), deps)).toBeNull();
    prompter.verify();
  });

  it('a host nobody named, on a terminal: asks, default No, naming the exact host and where the token goes', async () => {
    const { deps, prompter, notes } = setup(TERMINAL);
    prompter.expectConfirm(confirmEnterprise('ghes.example.com'), true, false);
    expect(await trustRepositoryHosts(options(['ghes.example.com']), deps)).toBe('https://ghes.example.com/api/v3');
    prompter.verify();
    expect(notes).toEqual([
      'ghes.example.com is not github.com or a GHE.com host. As a GitHub Enterprise Server it would receive your token at https://ghes.example.com/api/v3 and https://containers.ghes.example.com.',
    ]);
    expect(confirmEnterprise('ghes.example.com')).toBe('Send your token to ghes.example.com as your GitHub Enterprise Server? [y/N]');
  });

  it('No: exit 2, nothing sent, and the flag that would name it', async () => {
    const { deps, prompter } = setup(TERMINAL);
    prompter.expectConfirm(confirmEnterprise('ghes.example.com'), false);
    await expect(trustRepositoryHosts(options(['ghes.example.com']), deps)).rejects.toThrow(
      new UsageError(
        'not confirmed, so nothing was sent to ghes.example.com. If it is your GitHub Enterprise Server, pass --api-url https://ghes.example.com/api/v3 (or set GH_HOST=ghes.example.com)',
      ),
    );
  });

  it('cancel (Ctrl-C / Esc) at the question: Cancelled', async () => {
    const { deps, prompter } = setup(TERMINAL);
    prompter.expectConfirm(confirmEnterprise('ghes.example.com'), 'cancel');
    await expect(trustRepositoryHosts(options(['ghes.example.com']), deps)).rejects.toBeInstanceOf(CancelledError);
  });

  it('without a terminal: exit 2 naming --api-url, nothing asked', async () => {
    const { deps, prompter } = setup({});
    await expect(trustRepositoryHosts(options(['ghes.example.com']), deps)).rejects.toThrow(/^ghes\.example\.com is not github\.com or a GHE\.com host, and crpat sent nothing there\. If it is your GitHub Enterprise Server, pass --api-url https:\/\/ghes\.example\.com\/api\/v3/);
    prompter.verify();
  });

  it('--api-url on the host, or GH_HOST naming it: no question', async () => {
    const { deps, prompter } = setup({});
    expect(await trustRepositoryHosts(options(['ghes.example.com'], { apiUrl: 'https://ghes.example.com/api/v3' }), deps)).toBeNull();
    const named = setup({}, { GH_HOST: 'ghes.example.com' });
    expect(await trustRepositoryHosts(options(['ghes.example.com']), named.deps)).toBe('https://ghes.example.com/api/v3');
    prompter.verify();
  });

  it('a forge among several hosts is refused offline', async () => {
    const { deps } = setup(TERMINAL);
    await expect(trustRepositoryHosts(options(['github.com', 'gitlab.com']), deps)).rejects.toThrow(/gitlab\.com is GitLab, not GitHub/);
  });

  it('NODE_TLS_REJECT_UNAUTHORIZED=0 with an https endpoint: InconclusiveError (exit 3) before any token is read', async () => {
    const { deps } = setup({}, { NODE_TLS_REJECT_UNAUTHORIZED: '0' });
    await expect(trustRepositoryHosts(options(['github.com']), deps)).rejects.toBeInstanceOf(InconclusiveError);
    // Plain http to loopback: no TLS to distrust.
    expect(await trustRepositoryHosts(options(['github.com'], { apiUrl: 'http://127.0.0.1:1', registry: 'http://127.0.0.1:2' }), deps)).toBeNull();
  });
});
