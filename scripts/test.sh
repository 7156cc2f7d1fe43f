#!/usr/bin/env bash
# Set up (test extras + Debian's Chromium for the browser tests), then run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "warning: could not install chromium; browser tests will be skipped" >&2
  else
    echo "warning: /usr/bin/chromium missing (run as root or apt-get install chromium); browser tests will be skipped" >&2
  fi
fi
exec .venv/bin/python -m pytest -q "$@"
