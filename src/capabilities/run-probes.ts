import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Answer } from '../evidence/answer.js';
import { judgeProbe, type ProbeResult } from './judge-probe.js';
import type { Probe, ProbeMethod, ProbePair } from './probes.js';
import type { CapabilityName } from './capability.js';

/**
 * Sends the probes of a plan, one at a time, through an injected request function. The only IO in src/capabilities.
 *
 * Serially, with a pause before every mutating request after the first: GitHub asks clients to make requests
 * serially and to "wait at least one second between each request" that mutates (ledger github-api §8,
 * best-practices-for-using-the-rest-api.md). A rate-limit answer stops the run: the remaining probes are not sent.
 */

/** `request(method, path, body?)` → the answer, relative to the API base URL, with the token's Authorization. */
export type ProbeRequest = (method: ProbeMethod, path: string, body?: Record<string, unknown>) => Promise<Answer>;

export interface ProbeDeps {
  request: ProbeRequest;
  /** A fresh name that cannot exist. @default `crpat-probe-` + 32 random hex digits */
  randomName?: () => string;
  /** @default node:timers/promises setTimeout */
  pause?: (ms: number) => Promise<void>;
  /** Between mutating requests. @default 1000 */
  pauseMs?: number;
}

export interface ProbeTarget {
  owner: string;
  repo: string;
}

/** Per capability: the write probe's result, and the read probe's when the write one was denied. */
export type ProbeFindings = ReadonlyMap<CapabilityName, { write: ProbeResult; read: ProbeResult | null }>;

export async function runProbes(target: ProbeTarget, plan: readonly ProbePair[], deps: ProbeDeps): Promise<ProbeFindings> {
  const random = (deps.randomName ?? defaultRandomName)();
  const pause = deps.pause ?? sleep;
  const findings = new Map<CapabilityName, { write: ProbeResult; read: ProbeResult | null }>();
  let mutated = false;
  let stop: string | null = null;
  const send = async (probe: Probe): Promise<ProbeResult> => {
    if (stop !== null) return { probe, outcome: 'unknown', status: null, reason: `not sent: ${stop}` };
    if (probe.method !== 'GET' && mutated) await pause(deps.pauseMs ?? 1000);
    if (probe.method !== 'GET') mutated = true;
    const result = await sendOne(probe, fillPath(probe.path, target, random), deps.request);
    if (isRateLimit(result)) stop = `GitHub signalled a rate limit (${result.reason})`;
    return result;
  };
  for (const pair of plan) {
    const write = await send(pair.write);
    const read = write.outcome === 'denied' ? await send(pair.read) : null;
    findings.set(pair.capability, { write, read });
  }
  return findings;
}

async function sendOne(probe: Probe, path: string, request: ProbeRequest): Promise<ProbeResult> {
  try {
    const answer = probe.body === null ? await request(probe.method, path) : await request(probe.method, path, probe.body);
    return judgeProbe(probe, answer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { probe, outcome: 'unknown', status: null, reason: `${probe.method} ${path.replace(/\?.*$/, '')} got no answer (${reason})` };
  }
}

/** `{owner}`, `{repo}` and `{random}` replaced, each percent-encoded. */
export function fillPath(template: string, target: ProbeTarget, random: string): string {
  const values: Record<string, string> = { owner: target.owner, repo: target.repo, random };
  return template.replace(/\{(owner|repo|random)\}/g, (_, key: string) => encodeURIComponent(values[key] ?? ''));
}

function isRateLimit(result: ProbeResult): boolean {
  return result.status === 429 || (result.status === 403 && /rate limit/i.test(result.reason));
}

function defaultRandomName(): string {
  return `crpat-probe-${randomBytes(16).toString('hex')}`;
}
