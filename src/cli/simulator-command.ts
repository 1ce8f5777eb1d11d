import type { IO } from '../io/io.js';
import type { SimulatorModule } from './demo.js';

/** Flags of `crpat simulator`. */
export interface SimulatorFlags {
  apiPort?: number;
  registryPort?: number;
  json?: boolean;
}

export interface SimulatorCommandDeps {
  io: IO;
  loadSimulator: () => Promise<SimulatorModule>;
  /** Aborted on Ctrl-C / SIGTERM: the simulator then closes. */
  signal?: AbortSignal;
}

/**
 * `crpat simulator`: runs the bundled GitHub simulator in the foreground so crpat (or anything else) can be tried
 * against it by hand. Prints its addresses and each scenario's synthetic token: they exist only in this simulator.
 */
export async function runSimulatorCommand(flags: SimulatorFlags, deps: SimulatorCommandDeps): Promise<number> {
  const module = await deps.loadSimulator();
  const ports = { ...(flags.apiPort !== undefined ? { api: flags.apiPort } : {}), ...(flags.registryPort !== undefined ? { registry: flags.registryPort } : {}) };
  const sim = await module.startSimulator({ ports });
  const tokens = Object.fromEntries([...sim.world.tokens, ...sim.world.strangers].map((t) => [t.label, t.value]));
  const scenarios = module.SCENARIOS.map((s) => ({
    name: s.name,
    description: s.description,
    repository: s.repository,
    ...(s.image ? { image: s.image } : {}),
    token: tokens[s.tokenLabel] ?? null,
    expectedVerdict: s.expect.verdict,
  }));
  if (flags.json) {
    deps.io.stdout.write(`${JSON.stringify({ apiUrl: sim.apiUrl, registryUrl: sim.registryUrl, registryHost: sim.registryHost, scenarios, tokens })}\n`);
  } else {
    const lines = [
      'crpat simulator: a fake GitHub API and ghcr.io registry on this machine. Ctrl-C stops it.',
      `  API       ${sim.apiUrl}   (--api-url)`,
      `  registry  ${sim.registryUrl}   (--registry)`,
      '',
      'Scenarios: CR_PAT=<token> crpat --repo <repository> --api-url <API> --registry <registry>',
      ...scenarios.map((s) => `  ${s.name}\n    ${s.repository}, expected ${s.expectedVerdict}\n    CR_PAT=${s.token ?? '?'}`),
      '',
      'These tokens are synthetic: they exist only in this simulator.',
    ];
    deps.io.stdout.write(`${lines.join('\n')}\n`);
  }
  await new Promise<void>((resolve) => {
    if (!deps.signal || deps.signal.aborted) return resolve();
    deps.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await sim.close();
  return 0;
}
