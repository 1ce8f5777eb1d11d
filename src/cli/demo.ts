import type { CheckTokenDeps, CheckTokenOptions } from '../pipeline/options.js';
import type { IO } from '../io/io.js';
import { renderHuman } from '../report/human.js';
import { createStyle } from '../report/style.js';
import { symbols } from '../report/symbols.js';
import { maskToken } from '../token/mask.js';
import { recognizeToken } from '../token/recognize.js';
import { wrap } from '../report/wrap.js';
import type { Report, Verdict } from '../types.js';
import type { DemoFlags } from './flags.js';
import { type Env, resolveDemoOptions } from './options.js';
import { FLAG_WORDS } from './setting-words.js';

/** What the demo needs of a scenario (src/simulator/scenarios.ts). */
export interface DemoScenario {
  name: string;
  description: string;
  tokenLabel: string;
  repository: string;
  image?: string;
  expect: { verdict: Verdict };
  /** A scenario may ask to be shown in the demo. */
  demo?: boolean;
}

interface Labelled {
  label: string;
  value: string;
}

/** What the demo needs of a running simulator. */
export interface SimulatorHandle {
  apiUrl: string;
  registryUrl: string;
  registryHost: string;
  world: { tokens: readonly Labelled[]; strangers: readonly Labelled[] };
  close(): Promise<void>;
}

/** What the demo needs of `src/simulator/index.ts`. */
export interface SimulatorModule {
  startSimulator(options?: { ports?: { api?: number; registry?: number } }): Promise<SimulatorHandle>;
  SCENARIOS: readonly DemoScenario[];
}

export interface DemoDeps {
  io: IO;
  env: Env;
  platform: string;
  loadSimulator: () => Promise<SimulatorModule>;
  checkToken: (options: CheckTokenOptions, deps?: CheckTokenDeps) => Promise<Report>;
  signal?: AbortSignal;
}

/** The telling cases: a good token, a missing write:packages, an SSO refusal, and the tutorial's fine-grained token. */
export const DEMO_SCENARIOS: readonly string[] = [
  'classic-can-push',
  'classic-repo-scope-only',
  'sso-not-authorized',
  'fine-grained-token',
];

/** The scenarios to show: ours, then any the scenario list marks with `demo: true`, in list order. */
export function pickDemoScenarios(all: readonly DemoScenario[]): DemoScenario[] {
  return all.filter((scenario) => DEMO_SCENARIOS.includes(scenario.name) || scenario.demo === true);
}

/**
 * `crpat demo`: starts the bundled simulator on 127.0.0.1, runs the real checks for each demo scenario and prints
 * each report under a header naming it. 0 when every verdict is the scenario's expected one, else 1.
 */
export async function runDemo(flags: DemoFlags, deps: DemoDeps): Promise<number> {
  const { io } = deps;
  const settings = resolveDemoOptions(flags, deps.env, {
    isStdoutTTY: io.isStdoutTTY,
    isStderrTTY: io.isStderrTTY,
    platform: deps.platform,
  });
  const style = createStyle(settings.color.stdout);
  const sym = symbols(settings.unicode);
  const simulator = await deps.loadSimulator();
  const scenarios = pickDemoScenarios(simulator.SCENARIOS);
  const sim = await simulator.startSimulator();
  const mismatches: string[] = [];
  // Wrapped like the reports: a line the terminal breaks mid-word is hard to read (issue 14, 60 columns).
  const width = io.isStdoutTTY ? io.columns : 0;
  io.stdout.write(
    `${wrap(`crpat demo: real checks against a local simulator of GitHub's API (${sim.apiUrl}) and of ghcr.io (${sim.registryUrl}), with the simulator's own tokens.`, width, 0, '')}\n\n`,
  );
  try {
    for (const [index, scenario] of scenarios.entries()) {
      const token = tokenByLabel(sim.world, scenario.tokenLabel);
      const report = await deps.checkToken(
        {
          repository: scenario.repository,
          token,
          apiUrl: sim.apiUrl,
          registry: sim.registryUrl,
          ...(scenario.image !== undefined ? { image: scenario.image } : {}),
        },
        { settingWords: FLAG_WORDS, ...(deps.signal ? { signal: deps.signal } : {}) },
      );
      const matched = report.verdict === scenario.expect.verdict;
      if (!matched) mismatches.push(`${scenario.name} (expected ${scenario.expect.verdict}, got ${report.verdict})`);
      const rule = sym.dash === '—' ? '━━' : '==';
      io.stdout.write(
        [
          `${index > 0 ? '\n' : ''}${style('bold', `${rule} Scenario ${index + 1} of ${scenarios.length}: ${scenario.name} ${rule}`)}`,
          wrap(forPeople(scenario.description), width, 0, ''),
          style('dim', wrap(`$ crpat --repo ${scenario.repository}${scenario.image ? ` --image ${scenario.image}` : ''}   (token ${maskToken(token)}; expected verdict: ${scenario.expect.verdict})`, width, 0, '  ')),
          '',
          renderHuman(report, {
            color: settings.color.stdout,
            unicode: settings.unicode,
            quiet: false,
            width,
            tokenDisplay: { masked: maskToken(token), label: recognizeToken(token).label },
          }),
        ].join('\n'),
      );
    }
  } finally {
    await sim.close();
  }
  if (mismatches.length > 0) {
    io.stdout.write(`\n${sym.verdict.fail} The demo did not go as expected: ${mismatches.join(', ')}\n`);
    return 1;
  }
  io.stdout.write(`\n${sym.verdict.pass} All ${scenarios.length} scenarios gave their expected verdict.\n`);
  return 0;
}

function tokenByLabel(world: SimulatorHandle['world'], label: string): string {
  const found = world.tokens.find((t) => t.label === label) ?? world.strangers.find((t) => t.label === label);
  if (!found) throw new Error(`the simulator has no token labelled ${label}`);
  return found.value;
}

/**
 * A scenario's description as a person trying crpat reads it: without its references to the project's ledger
 * (`(ledger ghcr §8)`), which are for the people who maintain the simulator.
 */
function forPeople(description: string): string {
  return description.replace(/ \(ledger [^)]*\)/g, '');
}
