import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator, tokenValue } from '../../src/simulator/index.js';

// What each command loads of the built bundle (issue 17): `--version` nothing but its entry and the version, a check
// neither the secret sealing (libsodium), the prompts, the demo nor the simulator, nor Node's fetch (undici).
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/crpat.js', import.meta.url));
const RECORDER = fileURLToPath(new URL('../helpers/load-recorder.mjs', import.meta.url));
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());

async function loaded(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  const result = await promisify(execFile)(process.execPath, ['--import', RECORDER, BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', ...env },
  }).catch((error: { stderr: string }) => error);
  return [...result.stderr.matchAll(/^crpat-load (\S+)$/gm)].map((m) => m[1] ?? '');
}

describe('lazy loading of the built CLI', () => {
  it('`crpat --version` loads its entry and the version, not the argument parser', async () => {
    const files = await loaded(['--version']);
    expect(files[0]).toBe('cli.js');
    expect(files.length).toBeLessThanOrEqual(3);
    expect(files.filter((f) => f.startsWith('args-'))).toEqual([]);
  });

  it('a full check loads neither the sealing library, the prompts, the demo nor the simulator', async () => {
    const files = await loaded(['--repo', 'octocat/hello-world', '--api-url', sim.apiUrl, '--registry', sim.registryUrl, '--json'], {
      CR_PAT: tokenValue(sim.world, 'octocat-classic-push'),
    });
    expect(files).toContain('cli.js');
    expect(files.some((f) => f.startsWith('check-command-'))).toBe(true);
    expect(files.filter((f) => /^(libsodium|prompter-|secret-command-|demo-|simulator)/.test(f))).toEqual([]);
  });

  it("a full check answers through crpat's own Response and Headers, never loading Node's fetch (undici)", async () => {
    const files = await loaded(['--repo', 'octocat/hello-world', '--api-url', sim.apiUrl, '--registry', sim.registryUrl, '--json'], {
      CR_PAT: tokenValue(sim.world, 'octocat-classic-push'),
    });
    expect(files).toContain('cli.js');
    expect(files).not.toContain('node:undici');
  });
});
