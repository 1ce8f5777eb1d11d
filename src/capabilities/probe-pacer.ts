import { setTimeout as delay } from 'node:timers/promises';
import type { ProbeRequest } from './run-probes.js';

/**
 * One token's probes run one at a time across every target of a run (GitHub asks for requests of one user to be
 * serial), and a mutating request waits a second after the previous one even when it belongs to another target
 * (run-probes.ts paces only within a run).
 */
export function createProbePacer(options: { pauseMs?: number; now?: () => number; sleep?: (ms: number) => Promise<void> } = {}) {
  const pauseMs = options.pauseMs ?? 1000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  let queue: Promise<unknown> = Promise.resolve();
  let lastMutation = Number.NEGATIVE_INFINITY;
  return {
    /** Runs `task` after every task queued before it has settled. */
    serial<T>(task: () => Promise<T>): Promise<T> {
      const run = queue.then(task, task);
      queue = run.catch(() => {});
      return run;
    },
    /** Wraps a request function so each POST is sent at least `pauseMs` after the previous one ended. */
    paced(request: ProbeRequest): ProbeRequest {
      return async (method, path, body) => {
        if (method !== 'GET') {
          const wait = lastMutation + pauseMs - now();
          if (wait > 0) await sleep(wait);
        }
        try {
          return await request(method, path, body);
        } finally {
          if (method !== 'GET') lastMutation = now();
        }
      };
    },
  };
}
