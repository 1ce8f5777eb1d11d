import { describe, expect, it } from 'vitest';
import { renderHuman } from '../../../src/report/human.js';
import type { Report } from '../../../src/types.js';

describe('renderHuman', () => {
  it('never writes a control character a server put in a message (a terminal escape)', () => {
    const report: Report = {
      schemaVersion: 1,
      verdict: 'fail',
      target: { repository: 'acme/api', image: 'ghcr.io/acme/api', apiUrl: 'https://api.github.com', registry: 'ghcr.io' },
      token: { kind: 'classic', login: 'evil\u001b]0;pwned\u0007', scopes: [], expiresAt: null },
      profile: 'push',
      capabilities: [{ name: 'packages:write', needed: true, granted: false, evidence: 'the registry refused: 403 DENIED: \u001b[2Jgone' }],
      githubToken: { replaces: null, summary: 'linked to \u001b]0;x\u0007', steps: ['a\u0007b'], fix: { text: 't\u001b[31m', url: 'https://github.com/\u001b' } },
      checks: [{ id: 'repo.access', status: 'fail', summary: 'GitHub said \u001b[2J hello', fix: 'do \u001b[31mthis', details: ['x\u0007y'] }],
    };
    const text = renderHuman(report, { color: false, unicode: true, quiet: false, width: 0 });
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
