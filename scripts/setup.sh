#!/usr/bin/env bash
# Create .venv and install newsfuse with the given extras (default: none). Re-runs are quick:
# the install is skipped while pyproject.toml is unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
py="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$py" -m venv .venv
stamp=".venv/.installed-${extras:-core}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  if [ -n "$extras" ]; then .venv/bin/python -m pip install -q -e ".[$extras]"; else .venv/bin/python -m pip install -q -e .; fi
  case "$extras" in
    *test*|*eval*)  # tilse (timeline metrics) without its ~800 MB of optional deps; see SETUP notes
      .venv/bin/python -m pip install -q --no-deps tilse==0.2.1 ;;
  esac
  touch "$stamp"
fi
