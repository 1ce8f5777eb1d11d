import type { ProfileId } from '../types.js';

/** Flags of `crpat check`, only those given on the command line (no defaults: see options.ts). */
export interface CheckFlags {
  /** Every `--repo` given, in order (the flag may be repeated). */
  repo?: string[];
  /** `--repos-file <path>`: one repository per line. */
  reposFile?: string;
  image?: string;
  tokenStdin?: boolean;
  apiUrl?: string;
  registry?: string;
  timeout?: number;
  json?: boolean;
  yes?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  /** `false` for `--no-color`; absent otherwise. */
  color?: boolean;
  /** `--for <profile>`: what the token must be able to do. */
  for?: ProfileId;
  /** `--trace <file|->`: write the redacted record of every HTTP exchange and the report. */
  trace?: string;
}

/** Flags of `crpat demo`. */
export interface DemoFlags {
  color?: boolean;
}

/** Flags of `crpat secret set`, only those given. */
export interface SecretSetFlags {
  repo?: string;
  org?: string;
  name?: string;
  visibility?: 'all' | 'private' | 'selected';
  /** `--repos a,b`: repositories of the organization that may read the secret. */
  repos?: string[];
  image?: string;
  tokenStdin?: boolean;
  apiUrl?: string;
  registry?: string;
  timeout?: number;
  /** `--yes`: accept the git remote `origin` without asking (as for check); nothing more. */
  yes?: boolean;
  /** `--overwrite`: replace an existing secret without asking. */
  overwrite?: boolean;
  force?: boolean;
  color?: boolean;
}

/** Flags of `crpat link`, only those given. It reads no token: none of the token flags exist here. */
export interface LinkFlags {
  /** `--for <profile>`: the profile whose scopes and permissions the links pre-select. */
  for?: ProfileId;
  /** `--repo <target>`: the repository the token is for (its host, owner and name; one only). */
  repo?: string;
  /** `--api-url <url>`: without `--repo`, the links use this API's web host (GitHub Enterprise). Nothing is sent. */
  apiUrl?: string;
  json?: boolean;
}

/** Flags of `crpat simulator`. */
export interface SimulatorFlags {
  apiPort?: number;
  registryPort?: number;
  json?: boolean;
  /** `--replay <trace>`: serve the answers a `--trace` file recorded instead of the simulated world. */
  replay?: string;
}

/** Flags of `crpat workflow [files…]`, only those given. */
export interface WorkflowFlags {
  /** Workflow files or folders given as arguments; none: `.github/workflows` of the current directory. */
  files?: string[];
  json?: boolean;
  quiet?: boolean;
  /** `--check`: also check the token for each pushed image, and that the named secrets exist. */
  check?: boolean;
  /** `--repo <target>`: the repository the workflows belong to (default: the `origin` remote, if any). */
  repo?: string;
  tokenStdin?: boolean;
  apiUrl?: string;
  registry?: string;
  timeout?: number;
  color?: boolean;
}

/** Flags of `crpat guide`: the step to print (an anchor of the guide); none: the list of steps. */
export interface GuideFlags {
  step?: string;
  color?: boolean;
}

/** Flags of `crpat workflow init`. */
export interface WorkflowInitFlags {
  force?: boolean;
}

/** `crpat completion <shell>`. */
export interface CompletionFlags {
  shell: Shell;
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;

export type Shell = (typeof SHELLS)[number];

export type ParsedArgs =
  | { command: 'check'; flags: CheckFlags }
  | { command: 'workflow'; flags: WorkflowFlags }
  | { command: 'workflow-init'; flags: WorkflowInitFlags }
  | { command: 'demo'; flags: DemoFlags }
  | { command: 'secret-set'; flags: SecretSetFlags }
  | { command: 'simulator'; flags: SimulatorFlags }
  | { command: 'link'; flags: LinkFlags }
  | { command: 'guide'; flags: GuideFlags }
  | { command: 'completion'; flags: CompletionFlags }
  | { command: 'help'; text: string }
  | { command: 'version'; text: string };
