#!/usr/bin/env bash
# Creates .venv with the Python packages the end-to-end tests use (official SDKs, Selenium),
# and prints the path of its python.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import openai, google.genai, selenium, pytest" 2>/dev/null; then
  python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check -r tests/e2e/requirements.txt >&2
fi
echo "$PWD/.venv/bin/python"
