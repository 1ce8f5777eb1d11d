/** Where `crpat workflow init` writes, relative to the repository's root. */
export const INIT_PATH = '.github/workflows/crpat-token-check.yml';

/**
 * The weekly check `crpat workflow init` writes: the Action with `fail-on: warn`, so a CR_PAT that expires within
 * `warn-days` (or was revoked) fails a scheduled run days before a release needs it. GitHub sends the failure to
 * whoever last changed the schedule (https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#schedule).
 */
export const INIT_WORKFLOW = `# Written by \`crpat workflow init\`. Every Monday (and on demand) it checks that the CR_PAT secret can still push
# to this repository's image on ghcr.io, and fails when the token is revoked, refused, or expires within warn-days,
# so the team hears about it before a release needs the token.
name: crpat token check

on:
  schedule:
    - cron: '23 6 * * 1' # Mondays, 06:23 UTC
  workflow_dispatch:

permissions:
  contents: read

jobs:
  token:
    runs-on: ubuntu-latest
    steps:
      - name: Check that CR_PAT can still push
        id: crpat
        uses: crpat/crpat@v0
        with:
          token: \${{ secrets.CR_PAT }}
          fail-on: warn
          warn-days: 14
      - name: Days left
        if: always() && steps.crpat.outputs.days-left != ''
        run: echo "CR_PAT expires in \${{ steps.crpat.outputs.days-left }} days."
`;
