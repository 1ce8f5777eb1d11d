import { newClassicTokenUrl } from '../capabilities/links.js';
import type { Report } from '../types.js';
import { DEFAULT_SECRET_NAME } from '../secrets/name.js';
import { type SecretLevel, scopeNeeded, webUrlForApi } from '../secrets/rights.js';
import type { Writer } from '../secrets/writer.js';

/** Where `crpat secret set` stores the token, decided from its flags and the check's report. Pure. */
export interface SecretSetPlan {
  level: SecretLevel;
  name: string;
  /** `acme/api` or `the organization acme`. */
  label: string;
  place: { apiUrl: string; owner?: string; repo?: string; org?: string };
  /** Spread into `setActionsSecret` for an organization secret. */
  org: { visibility?: 'all' | 'private' | 'selected'; selectedRepositories?: string[] };
  /** Who can read it, for the confirmation: `readable by acme/api's workflows only`. */
  breadth: string;
  /** Why it cannot be stored as asked (exit 2), or null. */
  problem: string | null;
  /** Things worth knowing after it is stored (e.g. the checked repository cannot read it). */
  notes: string[];
}

interface PlanInput {
  name?: string;
  org?: string;
  visibility?: 'all' | 'private' | 'selected';
  repos?: string[];
}

export function planOf(options: PlanInput, report: Report): SecretSetPlan {
  const name = options.name ?? DEFAULT_SECRET_NAME;
  const apiUrl = report.target.apiUrl;
  const [owner = '', repo = ''] = report.target.repository.split('/');
  if (options.org === undefined) {
    const breadth = `readable by the workflows of ${report.target.repository} only`;
    return { level: 'repository', name, label: report.target.repository, place: { apiUrl, owner, repo }, org: {}, breadth, problem: null, notes: [] };
  }
  // Without --visibility and --repos: only the checked repository, never every private repository of the organization.
  const inOrg = owner.toLowerCase() === options.org.toLowerCase();
  const defaulted = options.visibility === undefined && options.repos === undefined;
  const visibility = options.visibility ?? 'selected';
  const repos = defaulted ? (inOrg ? [repo] : []) : (options.repos ?? []);
  const problem =
    defaulted && !inOrg
      ? `${report.target.repository} is not in the organization ${options.org}, so it cannot be the one repository that reads the secret: pass --repos <name,...> (or --visibility private|all)`
      : null;
  return {
    level: 'organization',
    name,
    label: `the organization ${options.org}`,
    place: { apiUrl, org: options.org },
    org: { visibility, ...(visibility === 'selected' ? { selectedRepositories: repos } : {}) },
    breadth: breadthOf(options.org, visibility, repos),
    problem,
    notes: defaulted ? [] : orgNotes(options.org, owner, repo, options.repos),
  };
}

/** How far an organization secret reaches, said before it is written. */
function breadthOf(org: string, visibility: 'all' | 'private' | 'selected', repos: readonly string[]): string {
  if (visibility === 'all') return `readable by the workflows of every repository of ${org}`;
  if (visibility === 'private') return `readable by the workflows of every private repository of ${org}`;
  const names = repos.map((name) => (name.includes('/') ? name : `${org}/${name}`));
  return `readable by the workflows of ${names.join(', ')} only`;
}

/** An organization secret reaches only that organization's repositories, and with `selected` only those listed. */
function orgNotes(org: string, owner: string, repo: string, repos: readonly string[] | undefined): string[] {
  const checked = `${owner}/${repo}`;
  if (owner.toLowerCase() !== org.toLowerCase()) {
    return [`${checked} is not in the organization ${org}, so its workflows cannot read this secret.`];
  }
  const listed = (repos ?? []).some((given) => given.split('/').pop()?.toLowerCase() === repo.toLowerCase());
  if (repos?.length && !listed) return [`${checked} is not among the selected repositories, so its workflows cannot read this secret.`];
  return [];
}

/** What to do when the writing credential was refused: which credential it was, and how to use another. */
export function newTokenHint(source: Writer['source'], plan: SecretSetPlan): string {
  const scope = scopeNeeded(plan.level);
  const create = newClassicTokenUrl(webUrlForApi(plan.place.apiUrl), [scope], 'crpat secret set');
  if (source === 'stored') {
    return ` The token being stored was used to write, because neither GH_TOKEN nor GITHUB_TOKEN is set. Set GH_TOKEN to a token with those rights (for example GH_TOKEN=$(gh auth token) after gh auth refresh -s ${scope}), or create one: ${create}`;
  }
  const other = source === 'GITHUB_TOKEN' ? 'set GH_TOKEN to a token with those rights (a workflow\'s own GITHUB_TOKEN never has them)' : `give it those rights (${create})`;
  return ` The credential used was ${source} from the environment: ${other}, or unset it to write with the token being stored.`;
}
