#!/usr/bin/env bash
# Stops a MariaDB started by mariadb-start.sh and removes its folder if that script created it.
#
#   scripts/db/mariadb-stop.sh             (the server on MDB_PORT, default 3307)
#   MDB_BASE=/path scripts/db/mariadb-stop.sh
#
# Quiet and idempotent: stopping a server that is not running succeeds. MDB_KEEP=1 keeps the folder.
set -euo pipefail

PORT=${MDB_PORT:-3307}
STATE_FILE="${TMPDIR:-/tmp}/gemgate-mariadb-${PORT}.base"

BASE=${MDB_BASE:-}
if [ -z "$BASE" ] && [ -s "$STATE_FILE" ]; then
    BASE=$(cat "$STATE_FILE")
fi
if [ -z "$BASE" ] || [ ! -d "$BASE" ]; then
    rm -f "$STATE_FILE"
    exit 0
fi

# The server writes its own pid file; the start script's record of the background job is the fallback.
PID=""
for file in "$BASE/mysqld.pid" "$BASE/mariadbd.bgpid"; do
    if [ -s "$file" ] && kill -0 "$(cat "$file")" 2>/dev/null; then
        PID=$(cat "$file")
        break
    fi
done

if [ -n "$PID" ]; then
    kill -TERM "$PID" 2>/dev/null || true
    # A clean InnoDB shutdown takes about a second; after 15 s give up waiting.
    for _ in $(seq 1 150); do
        kill -0 "$PID" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$PID" 2>/dev/null; then
        kill -KILL "$PID" 2>/dev/null || true
    fi
fi

# Forget the port only if it pointed at this folder.
if [ -s "$STATE_FILE" ] && [ "$(cat "$STATE_FILE")" = "$BASE" ]; then
    rm -f "$STATE_FILE"
fi

if [ -e "$BASE/.created-by-mariadb-start" ] && [ "${MDB_KEEP:-0}" != 1 ]; then
    rm -rf "$BASE"
fi
