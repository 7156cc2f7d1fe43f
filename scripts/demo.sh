#!/usr/bin/env bash
# Set up, then brief the built-in sample in examples/ into ./briefs (Markdown, HTML and JSON).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/newsfuse brief examples -o briefs --format md,html,json
echo
echo "Open briefs/README.md (Markdown) or any briefs/<story>.html in a browser."
