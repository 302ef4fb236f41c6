#!/usr/bin/env bash
# Runs Gemgate from source: SQLite in ./data, port 8000, configuration from the environment
# (and from a .env file in this folder, if there is one). Builds a release binary first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup/system-packages.sh build
if [ -f .env ]; then set -a; . ./.env; set +a; fi
swift build -c release --product gemgate
exec .build/release/gemgate "$@"
