#!/usr/bin/env bash
# System packages the report browser test needs: Chromium at /usr/bin/chromium (Debian package).
# Idempotent: does nothing when /usr/bin/chromium is already there. Called by `make test`.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "Chromium is missing and installing it needs root: apt-get install -y chromium" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
test -x /usr/bin/chromium || { echo "chromium installed but /usr/bin/chromium is missing" >&2; exit 1; }
