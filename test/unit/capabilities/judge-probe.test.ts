import { describe, expect, it } from 'vitest';
import { judgeProbe, parseAcceptedPermissions } from '../../../src/capabilities/judge-probe.js';
import { ACTIONS_WRITE, CONTENTS_READ, CONTENTS_WRITE, DEPLOYMENTS_WRITE, ENVIRONMENTS_WRITE } from '../../../src/capabilities/probes.js';
import { PAT_403, answer } from './helpers.js';

describe('parseAcceptedPermissions (X-Accepted-GitHub-Permissions, ledger github-api §2.3)', () => {
  it.each([
    [null, null],
    ['contents=read', [[['contents', 'read']]]],
    ['pull_requests=write,contents=read', [[['pull_requests', 'write'], ['contents', 'read']]]],
    ['pull_requests=read,contents=read; issues=read,contents=read', [[['pull_requests', 'read'], ['contents', 'read']], [['issues', 'read'], ['contents', 'read']]]],
    ['repository_projects=write; organization_projects=admin', [[['repository_projects', 'write']], [['organization_projects', 'admin']]]],
    ['', []],
    ['garbage; =write; contents=', []],
  ])('%j', (header, want) => {
    expect(parseAcceptedPermissions(header)?.map((set) => [...set]) ?? null).toEqual(want);
  });
});

describe('judgeProbe', () => {
  it.each([
    ['contents write: 422 validation = permission check passed', CONTENTS_WRITE, answer(422, { message: 'Invalid request.\n\n"content" wasn\'t supplied.' }), 'granted'],
    ['contents write: 403 PAT denial', CONTENTS_WRITE, PAT_403('contents=write'), 'denied'],
    ['contents write: 403 PAT without the header (permission documented alone)', CONTENTS_WRITE, PAT_403(), 'denied'],
    ['contents write: write level satisfies a read probe header', CONTENTS_READ, PAT_403('contents=write'), 'denied'],
    ['metadata=read in the set is ignored (granted with any permission)', CONTENTS_WRITE, PAT_403('contents=write,metadata=read'), 'denied'],
    ['actions write: 404 unknown workflow = granted', ACTIONS_WRITE, answer(404, { message: 'Not Found' }), 'granted'],
    ['actions write: 422 = granted', ACTIONS_WRITE, answer(422, {}), 'granted'],
    ['deployments write: 409 = granted (trufflehog)', DEPLOYMENTS_WRITE, answer(409, {}), 'granted'],
    ['deployments write: 404 is not expected: unknown', DEPLOYMENTS_WRITE, answer(404, { message: 'Not Found' }), 'unknown'],
    ['contents write: 201 would be a write: unknown, never granted', CONTENTS_WRITE, answer(201, {}), 'unknown'],
    ['SSO 403 is not a permission answer', CONTENTS_WRITE, answer(403, { message: 'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.' }), 'unknown'],
    ['rate limit 403 is not a permission answer', CONTENTS_WRITE, answer(403, { message: 'API rate limit exceeded for user ID 1.' }), 'unknown'],
    ['429 is not a permission answer', CONTENTS_WRITE, answer(429, { message: 'You have exceeded a secondary rate limit.' }), 'unknown'],
    ['environments: denied only when offered alone', ENVIRONMENTS_WRITE, PAT_403('environments=write'), 'denied'],
    ['environments: alternative sets, ours alone among them', ENVIRONMENTS_WRITE, PAT_403('environments=write; actions_variables=write'), 'denied'],
    ['environments: both required: undecided', ENVIRONMENTS_WRITE, PAT_403('environments=write,actions_variables=write'), 'unknown'],
    ['environments: no header: undecided', ENVIRONMENTS_WRITE, PAT_403(), 'unknown'],
    ['a header naming another permission: undecided', CONTENTS_WRITE, PAT_403('workflows=write'), 'unknown'],
    ['a read grant does not satisfy a write probe header', CONTENTS_WRITE, PAT_403('contents=read'), 'unknown'],
  ] as const)('%s → %s', (_name, probe, input, outcome) => {
    const result = judgeProbe(probe, input);
    expect(result.outcome).toBe(outcome);
    expect(result.status).toBe(input.status);
  });

  it('reasons quote the request and what GitHub said', () => {
    expect(judgeProbe(CONTENTS_WRITE, PAT_403('contents=write')).reason).toBe(
      'POST /repos/{owner}/{repo}/git/blobs answered 403 Resource not accessible by personal access token; X-Accepted-GitHub-Permissions: contents=write',
    );
    expect(judgeProbe(CONTENTS_READ, answer(200, [])).reason).toBe('GET /repos/{owner}/{repo}/commits answered 200');
  });
});
