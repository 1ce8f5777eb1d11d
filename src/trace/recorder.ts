import type { WireExchange } from '../http/record.js';
import { defaultEndpoints, parseRegistry } from '../destination/endpoints.js';
import type { TokenShape } from '../token/recognize.js';
import type { ManyReport, Report } from '../types.js';
import { VERSION } from '../version.js';
import { buildTrace } from './document.js';
import type { TraceDocument, TraceOptions } from './format.js';

/** Collects a run's exchanges as they happen; `finish` turns them and the report into the redacted document. */
export interface TraceRecorder {
  onExchange: (exchange: WireExchange) => void;
  finish(input: { options: Omit<TraceOptions, 'registry'> & { registry: string | null }; token: string; shape?: TokenShape; report: Report | ManyReport }): TraceDocument;
}

export function createTraceRecorder(clock: { now: () => Date; performanceNow: () => number } = { now: () => new Date(), performanceNow: () => performance.now() }): TraceRecorder {
  const time = clock.now();
  const startedAt = clock.performanceNow();
  const exchanges: WireExchange[] = [];
  return {
    onExchange: (exchange) => void exchanges.push(exchange),
    finish: ({ options, token, shape, report }) =>
      buildTrace({ version: VERSION, time, startedAt, options: { ...options, registry: registryOrigin(options.registry, report) }, token, ...(shape ? { shape } : {}), exchanges, report }),
  };
}

/** The registry's origin as the run used it: as given, else the default for the report's API host. */
function registryOrigin(given: string | null, report: Report | ManyReport): string {
  const first = 'results' in report ? report.results[0] : report;
  const fallback = first ? `https://${first.target.registry}` : defaultEndpoints('github.com').registry;
  const parsed = parseRegistry(given ?? fallback);
  return parsed.ok ? parsed.value.origin : fallback;
}
