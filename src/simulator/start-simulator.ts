import { apiHandler } from './api/app.js';
import { createDefaultWorld } from './default-world.js';
import type { Fault } from './http/fault-spec.js';
import { listen } from './http/listen.js';
import { newRateWindow } from './http/rate-limit.js';
import { toListener } from './http/serve.js';
import { registryHandler } from './registry/app.js';
import type { RegistryTokenClaims } from './registry-jwt.js';
import { listSecrets, newSecretsState, type SimSecret } from './secrets-state.js';
import type { OpenUpload, RecordedRequest, RegistryMode, SimState } from './state.js';
import type { World } from './world.js';

export interface StartSimulatorOptions {
  /** @default createDefaultWorld() (built with `now()`) */
  world?: World;
  /**
   * `sim`: the simulator speaks ghcr's `/v2` dialect itself. `front`: `/v2/*` is proxied to a real distribution
   * registry at `upstream` (http(s) URL), its push refusals translated into ghcr's shape.
   * @default { mode: 'sim' }
   */
  registry?: RegistryMode;
  /** When set, the token service returns this signed JWT (for a real docker-registry); else an opaque token. */
  tokenSigner?: (claims: RegistryTokenClaims) => string;
  /** PEM key and certificate; when set both listeners speak HTTPS. */
  tls?: { key: string; cert: string };
  /** Loopback ports to listen on. @default 0 for both: free ports */
  ports?: { api?: number; registry?: number };
  /** Clock for expiry decisions. @default () => new Date() */
  now?: () => Date;
}

export interface Simulator {
  /** REST root, like `https://api.github.com`, e.g. `http://127.0.0.1:41234`. */
  apiUrl: string;
  /** Registry root, like `https://ghcr.io`; serves `/token` and `/v2/*`. */
  registryUrl: string;
  /** `127.0.0.1:<port>`, the registry host as written in an image reference. */
  registryHost: string;
  world: World;
  /** Every request received, in order, `authorization` redacted to its scheme. */
  requests: RecordedRequest[];
  /** Upload sessions opened (202) and not cancelled. */
  openUploads(): OpenUpload[];
  /** Actions secrets stored through the API, decrypted, in creation order. */
  secrets(): SimSecret[];
  /** Adds a fault (a status, a delay or a misbehaviour on the wire: see Fault); returns a function that removes it. */
  inject(fault: Fault): () => void;
  close(): Promise<void>;
}

/** Starts the api.github.com and ghcr.io fakes on two loopback ports. */
export async function startSimulator(options: StartSimulatorOptions = {}): Promise<Simulator> {
  if (options.registry?.mode === 'front' && !options.tokenSigner) {
    throw new TypeError('registry mode "front" needs a tokenSigner: a distribution registry only accepts signed JWTs');
  }
  const state = createState(options);
  const api = await listen(toListener('api', state, apiHandler()), options.tls, options.ports?.api);
  const registryListener = toListener('registry', state, registryHandler(state.registryMode));
  const registry = await listen(registryListener, options.tls, options.ports?.registry).catch(async (error: unknown) => {
    await api.close();
    throw error;
  });
  Object.assign(state, { apiUrl: api.url, registryUrl: registry.url, registryHost: registry.host });
  return facade(state, async () => {
    await Promise.all([api.close(), registry.close()]);
  });
}

function createState(options: StartSimulatorOptions): SimState {
  const now = options.now ?? (() => new Date());
  return {
    world: options.world ?? createDefaultWorld({ now: now() }),
    now,
    apiUrl: '',
    registryUrl: '',
    registryHost: '',
    registryMode: options.registry ?? { mode: 'sim' },
    tokenSigner: options.tokenSigner,
    requests: [],
    rate: newRateWindow(now()),
    grants: new Map(),
    uploads: new Map(),
    faults: [],
    throttled: new Set(),
    secrets: newSecretsState(),
  };
}

function facade(state: SimState, close: () => Promise<void>): Simulator {
  return {
    apiUrl: state.apiUrl,
    registryUrl: state.registryUrl,
    registryHost: state.registryHost,
    world: state.world,
    requests: state.requests,
    openUploads: () => [...state.uploads.values()],
    secrets: () => listSecrets(state.secrets),
    inject: (fault) => {
      const copy = { ...fault };
      state.faults.push(copy);
      return () => {
        const index = state.faults.indexOf(copy);
        if (index >= 0) state.faults.splice(index, 1);
      };
    },
    close,
  };
}
