#!/usr/bin/env bash
# PostgreSQL server binaries for the store tests (they start a throwaway cluster themselves).
# Idempotent: does nothing when initdb is already installed.
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "PostgreSQL is missing and installing it needs root: apt-get install -y postgresql" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq postgresql >/dev/null
# the Debian package starts a default cluster; the tests do not need it
(pg_ctlcluster --help >/dev/null 2>&1 && for c in $(ls /etc/postgresql 2>/dev/null); do pg_ctlcluster "$c" main stop || true; done) || true
