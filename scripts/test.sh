#!/usr/bin/env bash
# The whole test suite, as CI runs it: unit and integration tests (Swift Testing), the storage
# suite on SQLite, MariaDB and PostgreSQL, end-to-end tests with the official openai and
# google-genai SDKs against the real binaries, and the admin panel in headless Chromium.
# It installs what it needs, starts its servers on 127.0.0.1 only, and stops them at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export SWIFT_BACKTRACE=enable=no

step() { printf '\n== %s (%s)\n' "$1" "$(date +%H:%M:%S)"; }

step "System packages"
scripts/setup/system-packages.sh test
PYTHON=$(scripts/setup/python-env.sh)

step "Build (debug, once; every test group below reuses it)"
swift build --build-tests

SERVERS=$(mktemp -d)
# mktemp makes it 0700; as root, PostgreSQL runs as the `postgres` user and must reach its folder inside.
chmod 755 "$SERVERS"
cleanup() {
  MDB_BASE="$SERVERS/mariadb" scripts/db/mariadb-stop.sh >/dev/null 2>&1 || true
  PG_BASE="$SERVERS/postgres" scripts/db/postgres-stop.sh >/dev/null 2>&1 || true
  rm -rf "$SERVERS"
}
trap cleanup EXIT

step "Database servers (MariaDB, PostgreSQL) on loopback"
# Assigned before export: `export X=$(…)` would hide a failed start, and the database tests
# would then skip instead of failing the run.
GEMGATE_TEST_MYSQL_URL=$(MDB_BASE="$SERVERS/mariadb" scripts/db/mariadb-start.sh | tail -1)
GEMGATE_TEST_POSTGRES_URL=$(PG_BASE="$SERVERS/postgres" scripts/db/postgres-start.sh | tail -1)
[ -n "$GEMGATE_TEST_MYSQL_URL" ] && [ -n "$GEMGATE_TEST_POSTGRES_URL" ] || { echo "a database server did not start" >&2; exit 1; }
export GEMGATE_TEST_MYSQL_URL GEMGATE_TEST_POSTGRES_URL
echo "MariaDB:    $GEMGATE_TEST_MYSQL_URL"
echo "PostgreSQL: $GEMGATE_TEST_POSTGRES_URL"

step "Swift tests (unit, integration, storage suite on all three databases)"
swift test --skip-build

step "End-to-end tests (official SDKs against the gemgate binary)"
"$PYTHON" -m pytest -q -rs tests/e2e

# The container image, proven without Docker.
# Builds the release binary exactly as the Dockerfile does (once, in .build-release), makes or
# reuses a cached Debian root file system (/var/cache/gemgate-rootfs) with the image's runtime
# packages, and deploys the image's runtime stage in it (tests/e2e/test_deploy_rootfs.py).
# About 10 minutes with a cold release build, 1 to 2 with a warm one. Needs root.
step "Container image without Docker (release build, Debian root file system)"
if [ "$(id -u)" -eq 0 ]; then
  scripts/rootfs/test.sh
else
  echo "Skipped: scripts/rootfs/test.sh needs root (debootstrap, chroot, mounts, network namespaces)."
fi

step "All tests passed"
