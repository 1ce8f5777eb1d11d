import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_PROBES, PROBE_PAIRS, type Probe } from '../../../src/capabilities/probes.js';

// The probe records are checked against GitHub's own OpenAPI description: the endpoint exists with that method, and
// every mutating probe leaves out a field the schema requires (so it cannot validate) or targets a random name.

type Json = Record<string, any>;
const specPath = join(dirname(createRequire(import.meta.url).resolve('@octokit/openapi/package.json')), 'generated', 'api.github.com.json');
const spec = JSON.parse(readFileSync(specPath, 'utf8')) as { paths: Record<string, Json> };

/** `/repos/{owner}/{repo}/actions/workflows/{random}.yml/dispatches?x=1` → the OpenAPI path it instantiates. */
function openApiPath(probe: Probe): string {
  const bare = probe.path.replace(/\?.*$/, '');
  const pattern = new RegExp(`^${bare.replace(/\{random\}(\.yml)?/g, '\\{[a-z_]+\\}').replace(/\{(owner|repo)\}/g, '\\{$1\\}')}$`);
  const match = Object.keys(spec.paths).find((path) => pattern.test(path));
  if (!match) throw new Error(`no OpenAPI path for ${probe.path}`);
  return match;
}

describe('probe records (src/capabilities/probes.ts)', () => {
  it.each(ALL_PROBES.map((probe) => [probe.id, probe] as const))('%s: the endpoint exists in the OpenAPI description with that method', (_id, probe) => {
    const operation = spec.paths[openApiPath(probe)]?.[probe.method.toLowerCase()];
    expect(operation).toBeDefined();
  });

  it.each(ALL_PROBES.filter((p) => p.method !== 'GET').map((probe) => [probe.id, probe] as const))(
    '%s: the body misses a required field, so the request cannot validate',
    (_id, probe) => {
      const operation = spec.paths[openApiPath(probe)]?.[probe.method.toLowerCase()];
      const required: string[] = operation.requestBody.content['application/json'].schema.required ?? [];
      expect(required.length).toBeGreaterThan(0);
      expect(required.filter((field) => probe.body !== null && field in probe.body)).toEqual([]);
    },
  );

  it('every probe says why it cannot write and cites its source; denials are always 403', () => {
    for (const probe of ALL_PROBES) {
      expect(probe.cannotWrite.length).toBeGreaterThan(10);
      expect(probe.source).toMatch(/fine-grained-pat-permissions\.json/);
      expect(probe.expect.denied).toEqual([403]);
      expect(probe.expect.granted.some((status) => status >= 200 && status < 300 && probe.method !== 'GET')).toBe(false);
    }
  });

  it('pairs: a write probe and a read probe of the same permission', () => {
    for (const pair of PROBE_PAIRS) {
      expect(pair.write.level).toBe('write');
      expect(pair.read.level).toBe('read');
      expect(pair.read.method).toBe('GET');
      expect(pair.write.permission).toBe(pair.read.permission);
    }
  });
});
