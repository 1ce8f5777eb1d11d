#!/usr/bin/env node
// `npm test` needs Debian's docker-registry (the integration tests start their own instance). Say how to get it
// rather than letting the registry tests fail one by one. `.ci/run` installs it on a fresh machine.
import { spawnSync } from 'node:child_process';

const found = spawnSync('docker-registry', ['--version'], { encoding: 'utf8' });
if (found.status !== 0) {
  console.error('docker-registry is not installed; the registry tests need it.');
  console.error('Install it with: apt-get install docker-registry   (or run: bash .ci/run, which installs it and runs the tests)');
  process.exit(1);
}
