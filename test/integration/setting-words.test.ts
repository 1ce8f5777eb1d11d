import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../../src/action/run.js';
import { checkToken } from '../../src/pipeline/check-token.js';
import { mintToken } from '../../src/simulator/tokens.js';
import type { Report } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';

// One failure, three shells: nothing listens on the API's or the registry's port. Each names the setting to check
// its own way (the CLI its flags, the Action its inputs, the library its options), and none names another's.

const TOKEN = mintToken('classic', 'setting-words');
let closed: string;

beforeAll(async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  closed = `http://127.0.0.1:${port}`;
});

const summary = (report: Report, id: string): string => report.checks.find((c) => c.id === id)?.summary ?? '';

describe('a refused connection names the setting to check in the words of the shell that ran', () => {
  it('the library: its options', async () => {
    const report = await checkToken({ repository: 'acme/api', token: TOKEN, apiUrl: closed, registry: closed, timeoutSeconds: 2 });
    expect(report.verdict).toBe('inconclusive');
    expect(summary(report, 'token.valid')).toMatch(/Check the host and port \(the apiUrl option\): nothing accepts connections there\.$/);
    expect(summary(report, 'registry.login')).toMatch(/Check the host and port \(the registry option\): nothing accepts connections there\.$/);
    expect(JSON.stringify(report)).not.toMatch(/--api-url|--registry|--timeout/);
  });

  it('the Action: its inputs, in the annotations and the report', async () => {
    let stdout = '';
    const code = await runAction(
      { INPUT_TOKEN: TOKEN, GITHUB_REPOSITORY: 'acme/api', 'INPUT_API-URL': closed, INPUT_REGISTRY: closed },
      { write: (text) => void (stdout += text), appendFile: async () => {}, readFile: async () => '{}', checkToken },
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/::error title=token\.valid::Could not be decided: .*Check the host and port \(the api-url input\): nothing accepts connections there\./);
    expect(stdout).toMatch(/::error title=registry\.login::Could not be decided: .*Check the host and port \(the registry input\)/);
    expect(stdout).not.toMatch(/--api-url|--registry|--timeout/);
  });

  it('the CLI: its flags', async () => {
    const run = await runCli(['--repo', 'acme/api', '--api-url', closed, '--registry', closed, '--json'], { env: { CR_PAT: TOKEN } });
    expect(run.code).toBe(3);
    const report = JSON.parse(run.stdout) as Report;
    expect(summary(report, 'token.valid')).toMatch(/Check the host and port \(--api-url\): nothing accepts connections there\.$/);
    expect(summary(report, 'registry.login')).toMatch(/Check the host and port \(--registry\): nothing accepts connections there\.$/);
  });
});
