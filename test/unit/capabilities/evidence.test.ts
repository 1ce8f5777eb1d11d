import { describe, expect, it } from 'vitest';
import { registryEvidence, repoEvidence } from '../../../src/capabilities/evidence.js';
import { NetError } from '../../../src/http/net-error.js';
import type { PushOutcome } from '../../../src/registry/types.js';
import { answer } from './helpers.js';

const perms = (p: Partial<Record<'admin' | 'maintain' | 'push' | 'triage' | 'pull', boolean>>) => ({ admin: false, maintain: false, push: false, triage: false, pull: false, ...p });

describe('repoEvidence (GET /repos, ledger github-api §3)', () => {
  it.each([
    ['admin on a private org repo', answer(200, { private: true, visibility: 'private', owner: { type: 'Organization' }, permissions: perms({ admin: true, push: true, pull: true }) }), { kind: 'visible', private: true, ownerIsOrg: true, role: 'admin' }],
    ['maintain', answer(200, { private: false, owner: { type: 'User' }, permissions: perms({ maintain: true, push: true, pull: true }) }), { kind: 'visible', private: false, ownerIsOrg: false, role: 'maintain' }],
    ['write', answer(200, { private: false, owner: { type: 'User' }, permissions: perms({ push: true, pull: true }) }), { role: 'write' }],
    ['triage', answer(200, { private: false, owner: { type: 'User' }, permissions: perms({ triage: true, pull: true }) }), { role: 'triage' }],
    ['read only: a public repo with no role', answer(200, { private: false, owner: { type: 'User' }, permissions: { admin: false, push: false, pull: true } }), { role: 'read' }],
    ['no permissions object (anonymous)', answer(200, { private: false, owner: { type: 'User' } }), { role: null }],
    ['internal counts as private', answer(200, { private: false, visibility: 'internal', owner: { type: 'Organization' } }), { private: true }],
  ])('%s', (_name, input, want) => {
    expect(repoEvidence(input)).toMatchObject(want);
  });

  it.each([
    [404, 'Not Found'],
    [403, 'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.'],
  ])('%i is "hidden" with the message', (status, message) => {
    expect(repoEvidence(answer(status, { message }))).toEqual({ kind: 'hidden', status, message });
  });

  it('301 and 5xx are unknown; no answer is unknown', () => {
    expect(repoEvidence(answer(301, { message: 'Moved Permanently' }))).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('301') });
    expect(repoEvidence(answer(502, 'Bad Gateway'))).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('HTTP 502') });
    expect(repoEvidence(null)).toMatchObject({ kind: 'unknown' });
  });
});

describe('registryEvidence (registry.push)', () => {
  it.each<[PushOutcome | null, object]>([
    [null, { kind: 'unknown' }],
    [{ kind: 'opened', cancel: { kind: 'unsupported', status: 405 }, location: '/v2/x' }, { kind: 'opened' }],
    [
      { kind: 'refused', refusal: { status: 403, errors: [{ code: 'DENIED', message: 'permission_denied: write_package' }], challengeError: null, requestId: null } },
      { kind: 'refused', status: 403, code: 'DENIED', message: 'permission_denied: write_package' },
    ],
    [{ kind: 'unexpected', reason: 'HTTP 500' }, { kind: 'unknown', reason: 'HTTP 500' }],
    [{ kind: 'network', error: new NetError('timeout', 'ghcr.io did not answer') }, { kind: 'unknown', reason: 'ghcr.io did not answer' }],
  ])('%j', (input, want) => {
    expect(registryEvidence(input)).toMatchObject(want);
  });
});
