/**
 * Runs before every test file (vitest.config.ts `setupFiles`): the environment variables that change what crpat does
 * or prints are removed from this process, and so from every child the tests start (the built binary through
 * runCli, git, the packed package). A developer's shell or a CI runner then cannot change a test's outcome:
 * GitHub Actions sets GITHUB_ACTIONS and GITHUB_REPOSITORY (crpat then also judges the workflow's GITHUB_TOKEN),
 * many CI systems set TERM=dumb (crpat then draws ASCII symbols) or NO_COLOR, a GitHub Enterprise user has GH_HOST.
 * A test that wants one passes it explicitly (runCli's `env`, the tty helper's `env`, an injected env).
 */
const READ_BY_CRPAT = [
  // The token, the endpoints and the debug switch (src/cli/options.ts, src/cli/run.ts).
  'CR_PAT',
  'GITHUB_API_URL',
  'CRPAT_REGISTRY',
  'CRPAT_DEBUG',
  // Host trust: a GitHub Enterprise Server the user named (src/destination/trust.ts).
  'GH_HOST',
  // GitHub Actions: the workflow's repository, the Action's runner context (src/cli/options.ts, src/action/).
  'GITHUB_ACTIONS',
  'GITHUB_REPOSITORY',
  'GITHUB_SERVER_URL',
  'GITHUB_EVENT_PATH',
  'GITHUB_EVENT_NAME',
  'GITHUB_ACTOR',
  'GITHUB_TRIGGERING_ACTOR',
  // Colour and symbols (src/cli/options.ts, src/report/symbols.ts).
  'NO_COLOR',
  'FORCE_COLOR',
  'TERM',
  'TERM_PROGRAM',
  'WT_SESSION',
  'TERMINUS_SUBLIME',
  'ConEmuTask',
  'TERMINAL_EMULATOR',
  // Turns TLS verification off for the whole process, so crpat refuses to send the token (src/http/tls-env.ts).
  'NODE_TLS_REJECT_UNAUTHORIZED',
  // Not read by crpat; removed so that no test can ever meet a real token from the machine.
  'GITHUB_TOKEN',
  'GH_TOKEN',
];

for (const name of READ_BY_CRPAT) delete process.env[name];
