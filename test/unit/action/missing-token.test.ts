import { describe, expect, it } from 'vitest';
import { diagnoseMissingToken, isForkPullRequest } from '../../../src/action/missing-token.js';

const forkEvent = { pull_request: { head: { repo: { full_name: 'someone/api' } }, base: { repo: { full_name: 'acme/api' } } } };
const sameRepoEvent = { pull_request: { head: { repo: { full_name: 'acme/api' } }, base: { repo: { full_name: 'acme/api' } } } };

describe('diagnoseMissingToken', () => {
  it('Dependabot: no Actions secrets, only Dependabot secrets', () => {
    const d = diagnoseMissingToken({ GITHUB_ACTOR: 'dependabot[bot]', GITHUB_EVENT_NAME: 'pull_request' }, sameRepoEvent);
    expect(d.cause).toBe('dependabot');
    expect(d.message).toMatch(/triggered by Dependabot \(pull_request\).*no Actions secrets, only Dependabot secrets/);
  });

  it('a pull request from a fork', () => {
    const d = diagnoseMissingToken({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_ACTOR: 'someone' }, forkEvent);
    expect(d).toEqual({ cause: 'fork', message: expect.stringMatching(/^The token input is empty: this pull_request run is for a pull request from a fork, GitHub gives it no secrets/) });
  });

  it('a pull request event whose payload is unreadable: says "if", and also the usual causes', () => {
    const d = diagnoseMissingToken({ GITHUB_EVENT_NAME: 'pull_request_review' }, null);
    expect(d.cause).toBe('maybe-fork');
    expect(d.message).toMatch(/if this pull_request_review run is for a pull request from a fork/);
    expect(d.message).toMatch(/spelt exactly/);
  });

  it.each([
    ['push', null],
    ['pull_request', sameRepoEvent],
    ['pull_request_target', forkEvent],
  ])('%s: the secret is missing, misspelt or not passed', (event, payload) => {
    const d = diagnoseMissingToken({ GITHUB_EVENT_NAME: event }, payload);
    expect(d.cause).toBe('missing');
    expect(d.message).toMatch(/the secret is missing, misspelt, or not given to this run.*secrets: inherit/);
  });
});

describe('isForkPullRequest', () => {
  it.each([
    [forkEvent, true],
    [sameRepoEvent, false],
    [{ pull_request: { head: { repo: null }, base: { repo: { full_name: 'acme/api' } } } }, true],
    [{}, null],
    [null, null],
  ])('%j → %s', (event, fork) => {
    expect(isForkPullRequest(event)).toBe(fork);
  });
});
