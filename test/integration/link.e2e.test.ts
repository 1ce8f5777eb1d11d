import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// `crpat link` as a user runs it: no token, no terminal, no network. The API URL points at a port nothing listens on
// (any request would fail, and the exit code would say so), then at a server that counts every connection.
let closedPort: number;
let listening: Server;
let listeningPort: number;
const sockets: Socket[] = [];

beforeAll(async () => {
  const probe = createServer();
  closedPort = await new Promise<number>((resolve) => probe.listen(0, '127.0.0.1', () => resolve((probe.address() as { port: number }).port)));
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  listening = createServer((socket) => {
    sockets.push(socket);
    socket.destroy();
  });
  listeningPort = await new Promise<number>((resolve) => listening.listen(0, '127.0.0.1', () => resolve((listening.address() as { port: number }).port)));
});
afterAll(async () => {
  await new Promise<void>((resolve) => listening.close(() => resolve()));
});

describe('crpat link', () => {
  it('prints the links with the API at a closed port: exit 0, no token, no request', async () => {
    const result = await runCli(['link', '--for', 'deploy', '--repo', 'acme/api', '--api-url', `http://127.0.0.1:${closedPort}`]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('https://github.com/settings/tokens/new?scopes=repo,write:packages&description=crpat%20deploy%3A%20acme%2Fapi');
    expect(result.stdout).toMatch(/^ {2}https:\/\/github\.com\/settings\/personal-access-tokens\/new\?\S*target_name=acme/m);
    expect(result.stdout).toContain('Step by step: crpat guide deploy-token');
  });

  it('--json with a CR_PAT set and a listening API: one object, and not one connection', async () => {
    const result = await runCli(['link', '--json'], {
      env: { CR_PAT: 'ghp_notAToken', GITHUB_API_URL: `http://127.0.0.1:${listeningPort}` },
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      profile: 'push',
      classic: `http://127.0.0.1:${listeningPort}/settings/tokens/new?scopes=write:packages&description=crpat%20push%3A%20CR_PAT`,
      fineGrained: null,
    });
    expect(sockets).toHaveLength(0);
  });

  it('an unknown profile exits 2 with one line', async () => {
    const result = await runCli(['link', '--for', 'admin']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('crpat: --for is one of push, deploy (push: push images; deploy: also a deployment\'s repository permissions)\n');
  });
});
