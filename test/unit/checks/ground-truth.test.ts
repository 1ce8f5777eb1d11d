import { describe, expect, it } from 'vitest';
import { yieldToRegistry } from '../../../src/checks/ground-truth.js';
import { readPush } from '../../../src/evidence/registry.js';
import type { CheckId, Finding } from '../../../src/types.js';

// Issue 10: the registry's answer is the ground truth for "can push"; every other check explains it and never
// contradicts it.
const OPENED = readPush({ kind: 'opened', location: '/v2/acme/api/blobs/uploads/1', cancel: { kind: 'unsupported', status: 405 } });
const REFUSED = readPush({ kind: 'refused', refusal: { status: 403, errors: [{ code: 'DENIED', message: 'denied' }], challengeError: null, requestId: null } });
const NOT_TRIED = readPush(null);
const failing = (id: CheckId): Finding => ({ id, status: 'fail', summary: `${id} failed.`, fix: 'Do this.', details: ['Guide: crpat guide org-policy'] });

describe('yieldToRegistry', () => {
  it.each(['token.valid', 'token.expiry', 'token.scopes', 'org.sso', 'org.policy', 'repo.access', 'repo.push', 'registry.login'] as const)(
    'a failing %s only warns when the registry opened the upload, and says so; its fix stays',
    (id) => {
      const result = yieldToRegistry(failing(id), OPENED);
      expect(result).toMatchObject({ id, status: 'warn', fix: 'Do this.', details: ['Guide: crpat guide org-policy'] });
      expect(result.summary).toBe(`${id} failed. The registry opened the upload all the same, so this does not stop a push (registry.push).`);
    },
  );

  it.each([
    ['the registry refused', REFUSED],
    ['the upload was not tried', NOT_TRIED],
  ])('a failure stands when %s', (_name, push) => {
    expect(yieldToRegistry(failing('org.policy'), push)).toEqual(failing('org.policy'));
  });

  it('token.capabilities judges more than pushing: its failure stands', () => {
    expect(yieldToRegistry(failing('token.capabilities'), OPENED).status).toBe('fail');
  });

  it('leaves every status but fail alone', () => {
    for (const status of ['pass', 'warn', 'skip', 'error'] as const) {
      const finding: Finding = { ...failing('org.sso'), status };
      expect(yieldToRegistry(finding, OPENED)).toBe(finding);
    }
  });
});
