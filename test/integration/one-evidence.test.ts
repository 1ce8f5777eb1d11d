import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkToken } from '../../src/index.js';
import { SCENARIOS, type Simulator, startSimulator, tokenValue } from '../../src/simulator/index.js';
import type { Report } from '../../src/types.js';

/**
 * One evidence record (src/evidence/record.ts): the checks, the capability table and the GITHUB_TOKEN advice judge the
 * same reading of each answer, so in one report a registry refusal has one wording wherever it is quoted, and the
 * three never disagree about it. Every scenario whose upload is refused, checked `--for deploy` from a workflow of the
 * target repository (so the table has every row and the advice is given), through the library against the simulator.
 */
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => sim.close());

// The registry's quoted refusal as registry.push words it: `(HTTP 403 DENIED: permission_denied: write_package)`.
const QUOTED = /\((HTTP (?:401|403|429) [A-Z_]+: [^()]*(?:\([^()]*\)[^()]*)*)\)/;

/** Every sentence of the report a user reads: the checks, the capability table and the advice. */
function texts(report: Report): { where: string; text: string }[] {
  return [
    ...report.checks.flatMap((c) => [c.summary, c.fix ?? '', ...c.details].map((text) => ({ where: c.id, text }))),
    ...report.capabilities.map((c) => ({ where: `capability ${c.name}`, text: c.evidence })),
    ...(report.githubToken ? [report.githubToken.summary, report.githubToken.fix?.text ?? ''].map((text) => ({ where: 'githubToken', text })) : []),
  ];
}

const refusedScenarios = SCENARIOS.filter((s) => s.expect.failing.includes('registry.push') || (s.expect.erroring ?? []).includes('registry.push'));

describe.each(refusedScenarios)('scenario $name --for deploy, in a workflow of its repository', (scenario) => {
  it('quotes the refusal in one wording everywhere, and the capability table agrees with registry.push', async () => {
    const report = await checkToken({
      repository: scenario.repository,
      token: tokenValue(sim.world, scenario.tokenLabel),
      ...(scenario.image ? { image: scenario.image } : {}),
      apiUrl: sim.apiUrl,
      registry: sim.registryUrl,
      profile: 'deploy',
      workflowRepository: scenario.repository,
    });
    const push = report.checks.find((c) => c.id === 'registry.push')!;
    const quoted = QUOTED.exec(push.summary)?.[1];
    if (quoted === undefined) return; // refused at the token service: no upload refusal to quote
    const message = quoted.replace(/^HTTP \d+ [A-Z_]+: /, '');
    const mentions = texts(report).filter(({ text }) => text.includes(message));
    expect(mentions.length).toBeGreaterThan(0);
    // Wherever the registry's message appears, it appears as the one quoted form.
    for (const { where, text } of mentions) expect({ where, quoted: text.includes(quoted) }).toEqual({ where, quoted: true });
    // The table's packages:write follows registry.push: a failing push is `false`, an undecided one `unknown`.
    const packages = report.capabilities.find((c) => c.name === 'packages:write')!;
    expect({ status: push.status, granted: packages.granted }).toEqual({ status: push.status, granted: push.status === 'fail' ? false : push.status === 'error' ? null : packages.granted });
  });
});

describe('the refusal in all three parts of one report', () => {
  const check = (repository: string, label: string) =>
    checkToken({ repository, token: tokenValue(sim.world, label), apiUrl: sim.apiUrl, registry: sim.registryUrl, profile: 'deploy', workflowRepository: repository });
  const quoted = 'HTTP 403 DENIED: permission_denied: write_package';

  it('package-owned-by-someone-else: registry.push, packages:write and the GITHUB_TOKEN advice quote the same words', async () => {
    const report = await check('acme/legacy-app', 'octocat-classic-push');
    expect(report.checks.find((c) => c.id === 'registry.push')).toMatchObject({ status: 'fail', summary: expect.stringContaining(`(${quoted})`) });
    expect(report.capabilities.find((c) => c.name === 'packages:write')).toMatchObject({ granted: false, evidence: `scope write:packages, but the registry refused: ${quoted}` });
    expect(report.githubToken).toMatchObject({ replaces: null, summary: expect.stringContaining(`the registry refused the upload with ${quoted}, so the package exists`) });
  });

  it('read-only-collaborator: capabilities follow from the role too, so no repository write is unknown', async () => {
    const report = await check('acme/private-app', 'monalisa-classic-push');
    expect(report.capabilities.find((c) => c.name === 'packages:write')).toMatchObject({ granted: false, evidence: expect.stringContaining(quoted) });
    for (const name of ['contents:write', 'actions:write', 'deployments:write', 'environments:write']) {
      expect(report.capabilities.find((c) => c.name === name)).toMatchObject({ granted: false, evidence: expect.stringContaining('role read') });
    }
  });
});
