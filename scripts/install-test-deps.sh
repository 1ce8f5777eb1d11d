#!/usr/bin/env bash
# Installs the Debian packages the tests need, only when missing: docker-registry (the real registry the
# integration tests start), openssl (test CAs and signing keys), tmux (terminal tests), zsh (zsh completion, in tmux). Used by .ci/run and the CI
# workflows, on throwaway machines: `npm test` never installs anything (scripts/check-test-deps.sh says what is
# missing instead).
# Never leaves the package's own system service running.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo --non-interactive "$@"; fi
}

missing=()
command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v zsh >/dev/null 2>&1 || missing+=(zsh)
[ "${#missing[@]}" -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1 || { [ "$(id -u)" -ne 0 ] && ! sudo --non-interactive true 2>/dev/null; }; then
  echo "The tests need: ${missing[*]}. Install them with: apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "Installing ${missing[*]} (apt-get)" >&2
# policy-rc.d exiting 101 tells invoke-rc.d and deb-systemd-invoke not to start services during the install.
created_policy=
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
  as_root chmod 0755 /usr/sbin/policy-rc.d
  created_policy=1
fi
remove_policy() { if [ -n "$created_policy" ]; then as_root rm -f /usr/sbin/policy-rc.d; created_policy=; fi; }
trap remove_policy EXIT

as_root apt-get update -qq
as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
remove_policy

# If the install started the system service anyway, stop it: the tests run their own instance.
if [ -d /run/systemd/system ] && systemctl is-active --quiet docker-registry.service 2>/dev/null; then
  as_root systemctl stop docker-registry.service
elif [ -x /etc/init.d/docker-registry ] && [ -s /var/run/docker-registry.pid ]; then
  as_root /etc/init.d/docker-registry stop || true
fi
