import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator, tokenValue } from '../../src/simulator/index.js';
import { BIN, runCli } from '../helpers/cli.js';

// The other commands, as a user runs them: `crpat secret set` and `crpat simulator`.
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => sim.close());

describe('crpat secret set', () => {
  it('checks the token, then stores it sealed as CR_PAT (201), and the simulator decrypts the token', async () => {
    const token = tokenValue(sim.world, 'octocat-classic-push');
    const result = await runCli(['secret', 'set', '--repo', 'acme/private-app', '--api-url', sim.apiUrl, '--registry', sim.registryUrl], {
      env: { CR_PAT: token, GH_TOKEN: token },
    });
    expect(result.stdout + result.stderr).not.toContain(token);
    expect(result.code).toBe(0);
    expect(sim.secrets()).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'CR_PAT', value: token })]));
  });

  it('refuses to store a token that failed the check, without --force', async () => {
    const token = tokenValue(sim.world, 'octocat-classic-repo-only');
    const result = await runCli(['secret', 'set', '--repo', 'octocat/hello-world', '--name', 'OTHER_PAT', '--api-url', sim.apiUrl, '--registry', sim.registryUrl], {
      env: { CR_PAT: token },
    });
    expect(result.code).toBe(1);
    expect(sim.secrets().some((s) => s.name === 'OTHER_PAT')).toBe(false);
  });

  it('without a terminal, --repo is required: the git remote is not taken, even with --yes (issue 11)', async () => {
    const token = tokenValue(sim.world, 'octocat-classic-push');
    const before = sim.requests.length;
    const result = await runCli(['secret', 'set', '--yes', '--api-url', sim.apiUrl, '--registry', sim.registryUrl], { env: { CR_PAT: token } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('crpat: secret set needs --repo <owner/name> when not run in a terminal: it does not store a token on whatever the git remote names\n');
    expect(sim.requests.length).toBe(before);
  });

  it('--yes does not overwrite an existing secret; --overwrite does (issue 11)', async () => {
    const token = tokenValue(sim.world, 'octocat-classic-push');
    const args = ['secret', 'set', '--repo', 'acme/private-app', '--name', 'SPLIT_PAT', '--api-url', sim.apiUrl, '--registry', sim.registryUrl];
    expect((await runCli(args, { env: { CR_PAT: token, GH_TOKEN: token } })).code).toBe(0);
    const yes = await runCli([...args, '--yes'], { env: { CR_PAT: token, GH_TOKEN: token } });
    expect(yes.code).toBe(2);
    expect(yes.stderr).toMatch(/SPLIT_PAT already exists on acme\/private-app; pass --overwrite to replace it\./);
    const overwrite = await runCli([...args, '--overwrite'], { env: { CR_PAT: token, GH_TOKEN: token } });
    expect(overwrite.code).toBe(0);
    expect(overwrite.stdout).toMatch(/Updated the Actions secret SPLIT_PAT/);
  });

  it('a malformed GH_TOKEN is refused offline and never printed (issue 11)', async () => {
    const token = tokenValue(sim.world, 'octocat-classic-push');
    const writer = 'ghp_NotARealTokenButSecretLooking0123xyz';
    const before = sim.requests.length;
    const result = await runCli(['secret', 'set', '--repo', 'acme/private-app', '--api-url', sim.apiUrl, '--registry', sim.registryUrl], { env: { CR_PAT: token, GH_TOKEN: writer } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^crpat: GH_TOKEN \(the credential that writes the secret\) is not a usable token: /);
    expect(result.stdout + result.stderr).not.toContain(writer.slice(4));
    expect(sim.requests.length).toBe(before);
  });

  it('refuses --token here too', async () => {
    const result = await runCli(['secret', 'set', '--token', 'x']);
    expect(result.code).toBe(2);
  });
});

describe('crpat simulator', () => {
  it('serves the simulator, prints its addresses and scenario tokens as JSON, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'simulator', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
      });
      child.on('exit', () => reject(new Error('exited early')));
    });
    const served = JSON.parse(line) as { apiUrl: string; registryUrl: string; scenarios: { name: string; repository: string; token: string }[] };
    const good = served.scenarios.find((s) => s.name === 'classic-can-push');
    expect(good).toBeDefined();
    const result = await runCli(['--repo', good?.repository ?? '', '--api-url', served.apiUrl, '--registry', served.registryUrl, '--json'], { env: { CR_PAT: good?.token } });
    expect(result.code).toBe(0);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('a port already in use is a usage error, one line naming the flag (was "internal error", exit 3)', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      for (const flag of ['--api-port', '--registry-port']) {
        const result = await runCli(['simulator', flag, String(port)]);
        expect(result.code).toBe(2);
        expect(result.stderr).toBe(`crpat: ${flag} ${port}: the port is in use on 127.0.0.1; choose another, or leave ${flag} out for a free one\n`);
      }
    } finally {
      busy.close();
    }
  });

  it('prints, for a scenario that probes its own image, the --image to pass: the command it shows reaches the expected verdict', async () => {
    const child = spawn(process.execPath, [BIN, 'simulator'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const text = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('These tokens are synthetic')) resolve(out);
      });
      child.on('exit', () => reject(new Error('exited early')));
    });
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const address = (label: string) => new RegExp(`^  ${label} +(\\S+)`, 'm').exec(text)?.[1] ?? '';
      // Before: "acme/widgets, expected inconclusive" with no image; that command probes acme/widgets and passes.
      const outage = /^ {2}ghcr-outage\n {4}(.+), expected (\w+)\n {4}CR_PAT=(\S+)$/m.exec(text);
      expect(outage?.[1]).toBe('acme/widgets --image status-page');
      expect(outage?.[2]).toBe('inconclusive');
      const result = await runCli(['--repo', ...(outage?.[1] ?? '').split(' '), '--api-url', address('API'), '--registry', address('registry'), '--json'], {
        env: { CR_PAT: outage?.[3] },
      });
      expect(result.code).toBe(3);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exit).toBe(0);
  });
});
