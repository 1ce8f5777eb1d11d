import { describe, expect, it } from 'vitest';
import { analyzeWorkflows } from '../../../src/workflow/analyze.js';
import { renderWorkflowHuman, workflowReport } from '../../../src/workflow/report.js';

const RELEASE = `name: release
on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: \${{ github.actor }}
          password: \${{ secrets.CR_PAT }}
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: ghcr.io/\${{ github.repository }}:latest
`;

describe('renderWorkflowHuman on a 60-column terminal (issue 14)', () => {
  const report = workflowReport(analyzeWorkflows([{ file: '.github/workflows/release.yml', text: RELEASE }], null), null);
  const text = renderWorkflowHuman(report, { color: false, unicode: true, width: 60, quiet: false });

  it('wraps the verdict and each job line at spaces, like the findings', () => {
    expect(text).toMatch(/^✔ No problem found, \d warnings — 1 job pushing to a GitHub\n {2}registry in 1 workflow\n/);
    for (const line of text.split('\n')) if (!/^https?:\/\//.test(line)) expect(line.length, line).toBeLessThanOrEqual(60);
  });

  it('never breaks a ${{ … }} expression across lines', () => {
    expect(text).not.toMatch(/\$\{\{\n|\n\s*[a-z.]+ \}\}/);
    expect(text).toContain('${{ github.repository }}');
  });
});
