import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { parseTrace } from '../trace/parse.js';
import type { IO } from '../io/io.js';
import { wrapLines } from '../report/wrap.js';
import type { SimulatorFlags } from './flags.js';
import type { SimulatorModule } from './demo.js';

export interface SimulatorCommandDeps {
  io: IO;
  loadSimulator: () => Promise<SimulatorModule>;
  /** Aborted on Ctrl-C / SIGTERM: the simulator then closes. */
  signal?: AbortSignal;
  /** Reads the `--replay` trace. @default `fs.readFile(path, 'utf8')` */
  readTextFile?: (path: string) => Promise<string>;
}

/**
 * `crpat simulator`: runs the bundled GitHub simulator in the foreground so crpat (or anything else) can be tried
 * against it by hand. Prints its addresses and each scenario's synthetic token: they exist only in this simulator.
 */
export async function runSimulatorCommand(flags: SimulatorFlags, deps: SimulatorCommandDeps): Promise<number> {
  const ports = { ...(flags.apiPort !== undefined ? { api: flags.apiPort } : {}), ...(flags.registryPort !== undefined ? { registry: flags.registryPort } : {}) };
  if (flags.replay !== undefined) return runReplay(flags.replay, flags, ports, deps);
  const module = await deps.loadSimulator();
  const sim = await listening(flags, module.startSimulator({ ports }));
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
    const say = prose(deps.io);
    const lines = [
      say('crpat simulator: a fake GitHub API and ghcr.io registry on this machine. Ctrl-C stops it.'),
      `  API       ${sim.apiUrl}   (--api-url)`,
      `  registry  ${sim.registryUrl}   (--registry)`,
      '',
      say('Scenarios: CR_PAT=<token> crpat --repo <repository> [--image <image>] --api-url <API> --registry <registry>'),
      // A scenario with its own image is only that scenario with --image: without it the probe meets another package.
      ...scenarios.map(
        (s) =>
          `  ${s.name}\n${say(`    ${s.repository}${s.image ? ` --image ${s.image}` : ''}, expected ${s.expectedVerdict}`)}\n    CR_PAT=${s.token ?? '?'}`,
      ),
      '',
      say('These tokens are synthetic: they exist only in this simulator.'),
    ];
    deps.io.stdout.write(`${lines.join('\n')}\n`);
  }
  await untilAborted(deps.signal);
  await sim.close();
  return 0;
}

/**
 * `crpat simulator --replay <trace>`: serves the answers a `--trace` file recorded, and prints where, for which
 * repository, and a synthetic token it accepts in place of the original (docs/reporting-a-wrong-verdict.md).
 */
async function runReplay(path: string, flags: SimulatorFlags, ports: { api?: number; registry?: number }, deps: SimulatorCommandDeps): Promise<number> {
  let text: string;
  try {
    text = await (deps.readTextFile ?? ((file: string) => readFile(file, 'utf8')))(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`--replay ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : 'it cannot be read'}`);
  }
  const parsed = parseTrace(text);
  if (!parsed.ok) throw new UsageError(`--replay ${path}: ${parsed.reason}`);
  const { startReplay } = await import('../simulator/replay.js');
  const replay = await listening(flags, startReplay(parsed.value, { ports }));
  const repository = replay.repositories[0] ?? '';
  const image = replay.image !== null ? { image: replay.image } : {};
  if (flags.json) {
    const { apiUrl, registryUrl, registryHost, repositories, profile, token, tokenKind, expectedVerdict } = replay;
    deps.io.stdout.write(
      `${JSON.stringify({ apiUrl, registryUrl, registryHost, repository, repositories, ...image, profile, token, tokenKind, expectedVerdict, replay: path })}\n`,
    );
  } else {
    const repos = replay.repositories.map((r) => `--repo ${r}`).join(' ');
    const say = prose(deps.io);
    const lines = [
      say(`crpat simulator: replaying ${path} on this machine. Ctrl-C stops it.`),
      `  API       ${replay.apiUrl}   (--api-url)`,
      `  registry  ${replay.registryUrl}   (--registry)`,
      `  ${replay.repositories.length > 1 ? 'repositories' : 'repository'}  ${replay.repositories.join(', ')}, expected ${replay.expectedVerdict}`,
      '',
      `CR_PAT=${replay.token} crpat ${repos}${replay.image !== null ? ` --image ${replay.image}` : ''}${replay.profile !== 'push' ? ` --for ${replay.profile}` : ''} --api-url ${replay.apiUrl} --registry ${replay.registryUrl}`,
      '',
      say(`The token is synthetic (a ${replay.tokenKind} token made for this replay); it is accepted in place of the recorded one.`),
    ];
    deps.io.stdout.write(`${lines.join('\n')}\n`);
  }
  await untilAborted(deps.signal);
  await replay.close();
  return 0;
}

/**
 * A port the user chose that cannot be listened on (in use, or privileged) is their input, not a crash: one line
 * naming the flag, exit 2. Node's listen error carries the port (`error.port`).
 */
async function listening<T>(flags: SimulatorFlags, started: Promise<T>): Promise<T> {
  try {
    return await started;
  } catch (error) {
    const { code, port } = error as NodeJS.ErrnoException & { port?: number };
    const flag = port === undefined ? undefined : port === flags.registryPort ? '--registry-port' : port === flags.apiPort ? '--api-port' : undefined;
    if (flag === undefined || (code !== 'EADDRINUSE' && code !== 'EACCES')) throw error;
    const why = code === 'EADDRINUSE' ? 'the port is in use on 127.0.0.1' : 'this user may not listen on that port';
    throw new UsageError(`${flag} ${port}: ${why}; choose another, or leave ${flag} out for a free one`);
  }
}

function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!signal || signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/**
 * A sentence wrapped at spaces on a terminal (a narrow one cut it mid-word). The command lines to copy are not passed
 * through it: a command wrapped onto two lines would paste as two.
 */
function prose(io: IO): (text: string) => string {
  const width = io.isStdoutTTY ? io.columns : 0;
  return (text) => wrapLines(text, width);
}
