import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../../src/capabilities/profiles.js';
import { judgeRegistryPush } from '../../helpers/raw-judges.js';
import { traceHint, withTraceHint } from '../../../src/checks/trace-hint.js';
import { FLAG_WORDS } from '../../../src/cli/setting-words.js';
import { INPUT_WORDS } from '../../../src/action/inputs.js';
import { OPTION_WORDS } from '../../../src/settings.js';
import type { Finding } from '../../../src/types.js';

const f = (id: Finding['id'], status: Finding['status'], details: string[] = []): Finding => ({ id, status, summary: 's', fix: null, details });
const LINKS = { target: { webUrl: 'https://github.com', owner: 'acme', name: 'api', image: 'acme/api' }, profile: PROFILES.push };
const TRACE_HINT = traceHint(OPTION_WORDS);
const IMAGE = { path: 'acme/api', reference: 'ghcr.io/acme/api', loweredFrom: null };

describe('the trace hint', () => {
  it('goes once, on the first check that could not be decided', () => {
    const out = withTraceHint([f('token.valid', 'pass'), f('repo.access', 'error'), f('registry.login', 'error')], OPTION_WORDS);
    expect(out.map((x) => x.details.includes(TRACE_HINT))).toEqual([false, true, false]);
    expect(withTraceHint([f('token.valid', 'fail')], OPTION_WORDS)[0]!.details).toEqual([]);
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
    expect(withTraceHint([refused('something new'), f('repo.access', 'error')], OPTION_WORDS)[1]!.details).toEqual([]);
  });

  it('names how to record a trace in the words of the shell that ran: the flag, the input, or the CLI for the library', () => {
    expect(traceHint(FLAG_WORDS)).toBe(
      'A trace would help: run again with --trace crpat-trace.json, and attach the file to a Wrong verdict issue: https://github.com/crpat/crpat/issues/new?template=wrong-verdict.yml (the file never holds the token).',
    );
    expect(traceHint(INPUT_WORDS)).toContain('run again with the trace input set to a file path, and attach the file');
    expect(traceHint(OPTION_WORDS)).toContain('run the same check with the crpat CLI and --trace crpat-trace.json, and attach the file');
  });
});
