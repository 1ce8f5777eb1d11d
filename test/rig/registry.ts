import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface StartRegistryOptions {
  /** Token service URL put in the `WWW-Authenticate` challenge. The registry never calls it. */
  realm: string;
  /** Expected `aud` and challenge `service`. @default 'ghcr.io' */
  service?: string;
  /** Expected `iss`. @default 'crpat-simulator' */
  issuer?: string;
  /** PEM bundle of certificates whose keys sign tokens (`auth.token.rootcertbundle`). */
  rootCertPath: string;
  /** Serve HTTPS with this certificate and key (`http.tls`). */
  tls?: { certPath: string; keyPath: string };
  /**
   * `http.relativeurls`: upload `Location` headers become relative (ledger github-api §7.4: ghcr's form is unconfirmed).
   * @default false
   */
  relativeUrls?: boolean;
  /** Executable to run. @default 'docker-registry' (Debian's package) */
  binary?: string;
}

export interface RunningRegistry {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** `127.0.0.1:<port>`: the registry host as written in an image reference. */
  host: string;
  port: number;
  /** `storage.filesystem.rootdirectory` (a temp dir, removed by `stop()`). */
  storageDir: string;
  /**
   * Open upload sessions on disk, as `<repository>/_uploads/<uuid>` relative to
   * `storageDir/docker/registry/v2/repositories`, sorted. A session is open while its `startedat` file exists: from
   * the POST until a cancel (or purging after 168 h). A cancelled session's `<uuid>/hashstates/` residue is not listed.
   */
  listUploads(): Promise<string[]>;
  /** Stops the process and removes its temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 15_000;
const PORT_ATTEMPTS = 5;

/**
 * Starts Debian's `docker-registry` (distribution 2.8.2) on a free loopback port with token auth (ledger github-api §7.2), using
 * its own config and storage in a temp dir; resolves once `GET /v2/` answers 401. Never touches the system service.
 */
export async function startRegistry(options: StartRegistryOptions): Promise<RunningRegistry> {
  const binary = await resolveBinary(options.binary ?? 'docker-registry');
  const dir = await mkdtemp(join(tmpdir(), 'crpat-registry-'));
  try {
    const storageDir = join(dir, 'storage');
    await mkdir(storageDir);
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const configPath = join(dir, 'config.yml');
      await writeFile(configPath, registryConfig(options, port, storageDir));
      try {
        const child = await spawnReady(binary, options, dir, configPath, port);
        return running(child, options, port, dir, storageDir);
      } catch (error) {
        if (error instanceof PortTakenError && attempt < PORT_ATTEMPTS) continue;
        throw error;
      }
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** JSON is YAML, so the config needs no hand-written quoting. */
function registryConfig(options: StartRegistryOptions, port: number, storageDir: string): string {
  const config = {
    version: '0.1',
    log: { level: 'warn', accesslog: { disabled: true } },
    storage: {
      filesystem: { rootdirectory: storageDir },
      delete: { enabled: true },
      // Off so a test never races the purger; sessions would only be purged after 168 h anyway.
      maintenance: { uploadpurging: { enabled: false } },
    },
    http: {
      addr: `127.0.0.1:${port}`,
      secret: randomBytes(24).toString('hex'),
      relativeurls: options.relativeUrls ?? false,
      ...(options.tls && { tls: { certificate: options.tls.certPath, key: options.tls.keyPath } }),
    },
    auth: {
      token: {
        realm: options.realm,
        service: options.service ?? 'ghcr.io',
        issuer: options.issuer ?? 'crpat-simulator',
        rootcertbundle: options.rootCertPath,
      },
    },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

class PortTakenError extends Error {}

/**
 * Runs the registry under a tiny node supervisor that stops it (SIGTERM, SIGKILL after 5 s) and deletes the temp dir
 * when its stdin reaches EOF. stop() closes that pipe; so does the OS when the test process dies in any way (vitest
 * kills workers with a signal, and 'exit' handlers do not run then: measured, the registry was left orphaned).
 */
const SUPERVISOR = `
const { spawn } = require('node:child_process');
const { rmSync } = require('node:fs');
const [tempDir, binary, ...args] = process.argv.slice(1);
const child = spawn(binary, args, { stdio: ['ignore', 'inherit', 'inherit'] });
let stopping = false;
child.on('error', (error) => { console.error(String(error)); process.exit(127); });
child.on('exit', (code, signal) => {
  if (stopping) rmSync(tempDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
const stop = () => {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), 5000);
};
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
`;

async function spawnReady(
  binary: string,
  options: StartRegistryOptions,
  dir: string,
  configPath: string,
  port: number,
): Promise<ChildProcessWithoutNullStreams> {
  // distribution overrides any config key from REGISTRY_* variables (REGISTRY_HTTP_ADDR, ...); keep them out.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('REGISTRY_')));
  const child = spawn(process.execPath, ['-e', SUPERVISOR, dir, binary, 'serve', configPath], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  const exited = new Promise<never>((_, reject) => {
    child.once('error', reject);
    // 'close', not 'exit': by then stderr is drained, so the port-collision message is in `output`.
    child.once('close', (code) => {
      const message = `${binary} exited (${code}) before it was ready:\n${output}`;
      reject(/address already in use/.test(output) ? new PortTakenError(message) : new Error(message));
    });
  });
  const url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}/v2/`;
  try {
    await Promise.race([exited, waitFor401(url, () => output)]);
    return child;
  } catch (error) {
    await kill(child);
    throw error;
  }
}

function running(
  child: ChildProcessWithoutNullStreams,
  options: StartRegistryOptions,
  port: number,
  dir: string,
  storageDir: string,
): RunningRegistry {
  let stopping: Promise<void> | undefined;
  const repositories = join(storageDir, 'docker', 'registry', 'v2', 'repositories');
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    port,
    storageDir,
    listUploads: async () => (await findUploads(repositories, '')).sort(),
    stop: () => {
      stopping ??= (async () => {
        await kill(child);
        await rm(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

async function findUploads(dir: string, prefix: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.name === '_uploads') {
      const sessions = await readdir(join(dir, entry.name), { withFileTypes: true });
      for (const session of sessions) {
        // Measured on 2.8.2: a cancel (DELETE → 204) removes `data` and `startedat` but leaves `<uuid>/hashstates/`
        // behind, and the registry then answers 404 BLOB_UPLOAD_UNKNOWN for that uuid. So `startedat` marks "open".
        if (session.isDirectory() && (await exists(join(dir, entry.name, session.name, 'startedat')))) {
          found.push(`${path}/${session.name}`);
        }
      }
    } else if (!entry.name.startsWith('_')) {
      // Name components cannot start with '_', so anything else is a deeper part of a repository name.
      found.push(...(await findUploads(join(dir, entry.name), path)));
    }
  }
  return found;
}

async function exists(path: string, mode?: number): Promise<boolean> {
  return access(path, mode).then(
    () => true,
    () => false,
  );
}

/** Closes the supervisor's stdin and waits for it (and so the registry) to exit; SIGKILL as a last resort. */
async function kill(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

/** The executable's path, or an Error that says how to install it: the registry tests must never skip silently. */
async function resolveBinary(name: string): Promise<string> {
  const dirs = name.includes('/') ? [''] : (process.env['PATH'] ?? '').split(delimiter).filter(Boolean);
  for (const dir of dirs) {
    const candidate = dir ? join(dir, name) : name;
    if (await exists(candidate, constants.X_OK)) return candidate;
  }
  throw new Error(
    `${name} not found on PATH. The registry rig needs Debian's docker-registry (distribution 2.8.2): ` +
      'apt-get install docker-registry',
  );
}

/** Asks the OS for a free loopback port. Another process may take it before the registry binds: callers retry. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not read the probe port'))));
    });
  });
}

async function waitFor401(url: string, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const status = await probe(url);
      if (status === 401) return;
      last = `status ${status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`registry at ${url} did not answer 401 within ${READY_TIMEOUT_MS} ms (last: ${last}):\n${output()}`);
}

/** Readiness only: the probe does not verify the TLS certificate (tests do, with their CA). */
function probe(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const send = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = send(url, { method: 'GET', rejectUnauthorized: false, timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('timeout', () => req.destroy(new Error('probe timed out')));
    req.once('error', reject);
    req.end();
  });
}
