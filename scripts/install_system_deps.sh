#!/usr/bin/env bash
# System packages the test suite needs, from the distribution's apt repository:
#   postgresql  server binaries for the store tests (they start a throwaway cluster themselves)
#   chromium    /usr/bin/chromium for the report and web UI browser tests (driven by playwright)
# Idempotent: installs only what is missing. Called by `make test` (target system-deps).
set -euo pipefail

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" != "0" ]; then
  echo "missing system packages and installing them needs root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null

# the Debian postgresql package starts a default cluster; the tests do not need it
if command -v pg_ctlcluster >/dev/null 2>&1; then
  for v in $(ls /etc/postgresql 2>/dev/null); do pg_ctlcluster "$v" main stop 2>/dev/null || true; done
fi
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { echo "postgresql installed but initdb is missing" >&2; exit 1; }
[ -x /usr/bin/chromium ] || { echo "chromium installed but /usr/bin/chromium is missing" >&2; exit 1; }
