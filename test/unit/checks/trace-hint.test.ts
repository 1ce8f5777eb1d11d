import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../../src/capabilities/profiles.js';
import { judgeRegistryPush } from '../../helpers/raw-judges.js';
import { TRACE_HINT, withTraceHint } from '../../../src/checks/trace-hint.js';
import type { Finding } from '../../../src/types.js';

const f = (id: Finding['id'], status: Finding['status'], details: string[] = []): Finding => ({ id, status, summary: 's', fix: null, details });
const LINKS = { target: { webUrl: 'https://github.com', owner: 'acme', name: 'api', image: 'acme/api' }, profile: PROFILES.push };
const IMAGE = { path: 'acme/api', reference: 'ghcr.io/acme/api', loweredFrom: null };

describe('the trace hint', () => {
  it('goes once, on the first check that could not be decided', () => {
    const out = withTraceHint([f('token.valid', 'pass'), f('repo.access', 'error'), f('registry.login', 'error')]);
    expect(out.map((x) => x.details.includes(TRACE_HINT))).toEqual([false, true, false]);
    expect(withTraceHint([f('token.valid', 'fail')])[0]!.details).toEqual([]);
  });

  it('is asked for when ghcr refuses with a reason crpat does not know, and not for a known one', () => {
    const refused = (message: string) =>
      judgeRegistryPush({
        push: { kind: 'refused', refusal: { status: 403, errors: [{ code: 'DENIED', message }], challengeError: null, requestId: null } },
        image: IMAGE,
        target: { host: 'github.com', owner: 'acme', name: 'api' },
        ownerIsOrg: true,
        links: LINKS,
      });
    expect(refused('permission_denied: a reason nobody has seen').details).toContain(TRACE_HINT);
    expect(refused('permission_denied: write_package').details).not.toContain(TRACE_HINT);
    // Once there, it is not added again by the pipeline.
    expect(withTraceHint([refused('something new'), f('repo.access', 'error')])[1]!.details).toEqual([]);
  });
});
