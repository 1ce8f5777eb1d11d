import { afterAll, beforeAll } from 'vitest';
import { type Simulator, type StartSimulatorOptions, startSimulator, tokenValue } from '../../src/simulator/index.js';

/** Starts one simulator for the enclosing suite; the getter is valid inside tests. */
export function useSimulator(options: StartSimulatorOptions = {}): () => Simulator {
  let sim: Simulator | undefined;
  beforeAll(async () => {
    sim = await startSimulator(options);
  });
  afterAll(async () => {
    await sim?.close();
  });
  return () => {
    if (!sim) throw new Error('simulator not started');
    return sim;
  };
}

/** `GET <apiUrl><path>` with `Authorization: Bearer <token of label>` (no header when label is null). */
export function api(sim: Simulator, path: string, label: string | null, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (label !== null) headers.set('authorization', `Bearer ${tokenValue(sim.world, label)}`);
  return fetch(`${sim.apiUrl}${path}`, { ...init, headers });
}

export function basic(password: string, user = 'anything'): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** `GET /token?service=ghcr.io&scope=repository:<name>:<actions>` with Basic `anything:<token of label>`. */
export function tokenRequest(sim: Simulator, label: string | null, name: string, actions = 'pull,push'): Promise<Response> {
  const url = `${sim.registryUrl}/token?service=ghcr.io&scope=${encodeURIComponent(`repository:${name}:${actions}`)}`;
  const headers: Record<string, string> = label === null ? {} : { authorization: basic(tokenValue(sim.world, label)) };
  return fetch(url, { headers });
}

/** The registry bearer for `label` on `name`; throws unless the token service answers 200. */
export async function registryToken(sim: Simulator, label: string, name: string): Promise<string> {
  const res = await tokenRequest(sim, label, name);
  if (res.status !== 200) throw new Error(`token service answered ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** `POST /v2/<name>/blobs/uploads/` with the given bearer (none when null). */
export function postUpload(sim: Simulator, name: string, bearer: string | null): Promise<Response> {
  const headers: Record<string, string> = bearer === null ? {} : { authorization: `Bearer ${bearer}` };
  return fetch(`${sim.registryUrl}/v2/${name}/blobs/uploads/`, { method: 'POST', headers });
}

/** The registry error body's first `{code, message}`. */
export async function registryError(res: Response): Promise<{ code: string; message: string }> {
  const body = (await res.json()) as { errors: { code: string; message: string }[] };
  const [first] = body.errors;
  if (!first) throw new Error('empty errors array');
  return first;
}
