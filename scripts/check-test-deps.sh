#!/usr/bin/env bash
# Run by `npm test` (pretest): checks that the system programs the tests need are installed, and when one is missing
# says which Debian packages to install and exits 1. It never installs anything and never runs sudo: installing
# system packages is the machine owner's decision (on CI, .ci/run does it through scripts/install-test-deps.sh).
set -euo pipefail

missing=()
command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v zsh >/dev/null 2>&1 || missing+=(zsh)
[ "${#missing[@]}" -eq 0 ] && exit 0

cat >&2 <<MSG
The tests need programs that are not installed: ${missing[*]}.
On Debian or Ubuntu, install them with:
  sudo apt-get install --no-install-recommends ${missing[*]}
(docker-registry is the real registry the integration tests start on a loopback port; its system service is not
needed: sudo systemctl disable --now docker-registry). On a throwaway CI machine, bash .ci/run installs them itself.
MSG
exit 1
