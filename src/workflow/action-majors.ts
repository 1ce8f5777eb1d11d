/**
 * JavaScript actions whose older majors declare a Node.js runtime GitHub's hosted runners no longer have. GitHub
 * removed Node.js 20 from its runners on 2026-09-16 (https://github.blog/changelog/2025-09-19-deprecation-of-node-20-on-github-actions-runners/);
 * actions that declare it are forced onto Node 24, where some fail (docker/metadata-action v5: ridafkih/keeper.sh#532).
 * `node24` is the first major whose action.yml says `using: node24`; `latest` the newest major seen in public
 * upgrade pull requests (2026). Sources per line.
 */
export interface ActionMajor {
  /** First major on Node 24. */
  node24: number;
  /** Newest major known. */
  latest: number;
}

export const ACTION_MAJORS: Readonly<Record<string, ActionMajor>> = {
  // vespa-engine/pyvespa#1333, MFlowCode/MFC#1639 (first node24 majors); ridafkih/keeper.sh#532 (checkout v7)
  'actions/checkout': { node24: 5, latest: 7 },
  'actions/setup-python': { node24: 6, latest: 6 },
  'actions/cache': { node24: 5, latest: 5 },
  // v5 (upload) and v5/v6 (download) only had preliminary Node 24 support: vutran1710/PyrateLimiter#295, k0b3n4irb/opensnes#147
  'actions/upload-artifact': { node24: 6, latest: 7 },
  'actions/download-artifact': { node24: 7, latest: 8 },
  // MFlowCode/MFC#1639; membrane/api-gateway#3225 (setup-java v6)
  'actions/setup-java': { node24: 5, latest: 6 },
  // charlesnicholson/nanocobs#77 (setup-node v7); setup-node v5 is the first on node24 (gsd-build/gsd-2#1331 lists v6 as Node 24)
  'actions/setup-node': { node24: 5, latest: 7 },
  // alpacax/alpacon-cli#178
  'actions/setup-go': { node24: 6, latest: 6 },
  // docker/login-action v4.0.0 "Node 24 as default runtime" (erNail/verscout#98); v2rayA/v2rayA#2038 for the rest
  'docker/login-action': { node24: 4, latest: 4 },
  'docker/build-push-action': { node24: 7, latest: 7 },
  'docker/setup-buildx-action': { node24: 4, latest: 4 },
  'docker/setup-qemu-action': { node24: 4, latest: 4 },
  // docker/metadata-action v6.0.0, docker/metadata-action#605
  'docker/metadata-action': { node24: 6, latest: 6 },
};

/** The major a `uses:` ref pins (`v3`, `v3.1.0`, `3`); null for a branch or a commit hash. */
export function majorOf(ref: string): number | null {
  const match = /^v?(\d+)(?:\.\d+){0,2}$/.exec(ref);
  return match?.[1] === undefined ? null : Number(match[1]);
}
