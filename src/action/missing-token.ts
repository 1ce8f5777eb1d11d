/**
 * Why the `token` input is empty. An empty input is never "bad credentials": `${{ secrets.X }}` expands to '' when the
 * secret does not exist, is misspelt, or is withheld from this run. GitHub withholds Actions secrets from runs for pull
 * requests from forks (`pull_request`, `pull_request_review`, `pull_request_review_comment`) and from runs Dependabot
 * triggers (those get Dependabot secrets instead); github/docs "Using secrets in GitHub Actions" and "Automating
 * Dependabot with GitHub Actions".
 */
export interface MissingTokenDiagnosis {
  cause: 'dependabot' | 'fork' | 'maybe-fork' | 'missing';
  message: string;
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment']);

const CHECK_SECRET =
  'Check that the secret exists (repository or organization Settings → Secrets and variables → Actions, and for an organization secret that this repository may read it), that the name in ${{ secrets.NAME }} is spelt exactly, and that a called reusable workflow receives it (secrets: inherit or an explicit secrets: entry).';

/** `event` is the parsed payload at GITHUB_EVENT_PATH, or null when it could not be read. */
export function diagnoseMissingToken(env: Readonly<Record<string, string | undefined>>, event: unknown): MissingTokenDiagnosis {
  const eventName = env['GITHUB_EVENT_NAME'] ?? '';
  if (env['GITHUB_ACTOR'] === 'dependabot[bot]' || env['GITHUB_TRIGGERING_ACTOR'] === 'dependabot[bot]') {
    return {
      cause: 'dependabot',
      message: `The token input is empty: this run was triggered by Dependabot (${eventName || 'event'}), and such runs get no Actions secrets, only Dependabot secrets. Add the secret under Settings → Secrets and variables → Dependabot as well, or skip this step when github.actor is dependabot[bot].`,
    };
  }
  if (PR_EVENTS.has(eventName)) {
    const fork = isForkPullRequest(event);
    if (fork !== false) {
      return {
        cause: fork ? 'fork' : 'maybe-fork',
        message: `The token input is empty: ${fork ? 'this' : 'if this'} ${eventName} run is for a pull request from a fork, GitHub gives it no secrets (only a read-only GITHUB_TOKEN). Run the push on push events, or skip this step for pull requests from forks. ${fork ? '' : CHECK_SECRET}`.trim(),
      };
    }
  }
  return { cause: 'missing', message: `The token input is empty: the secret is missing, misspelt, or not given to this run. ${CHECK_SECRET}` };
}

/** true/false from the payload's head and base repositories; null when the payload does not say. */
export function isForkPullRequest(event: unknown): boolean | null {
  const pr = (event as { pull_request?: { head?: { repo?: unknown }; base?: { repo?: unknown } } } | null)?.pull_request;
  if (!pr) return null;
  const head = pr.head?.repo as { full_name?: unknown; fork?: unknown } | null | undefined;
  const base = pr.base?.repo as { full_name?: unknown } | null | undefined;
  if (head === null) return true; // the fork was deleted
  if (typeof head?.full_name !== 'string' || typeof base?.full_name !== 'string') return null;
  return head.full_name.toLowerCase() !== base.full_name.toLowerCase();
}
