#!/usr/bin/env bash
# Stops the throwaway cluster started by postgres-start.sh and deletes its folder.
#
#   PG_BASE  the cluster's folder; default: the one postgres-start.sh remembered for PG_PORT
#   PG_PORT  default 5433
#   PG_KEEP  set to 1 to keep the folder (data and logs) after stopping
#
# Quiet and idempotent: stopping a cluster that is not running, or twice, succeeds silently.
set -euo pipefail

PORT=${PG_PORT:-5433}
STATE_FILE="${TMPDIR:-/tmp}/gemgate-postgres-${PORT}.base"

if [ -n "${PG_BASE:-}" ]; then
    BASE=$PG_BASE
elif [ -f "$STATE_FILE" ]; then
    BASE=$(cat "$STATE_FILE")
else
    exit 0
fi

if [ -n "${PG_BIN:-}" ]; then
    BIN=$PG_BIN
else
    BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
fi

if [ -f "$BASE/data/postmaster.pid" ]; then
    if [ "$(id -u)" = 0 ]; then
        as_owner() { runuser -u postgres -- "$@"; }
    else
        as_owner() { "$@"; }
    fi
    # Fast shutdown: ends sessions, no checkpoint wait worth keeping for throwaway data.
    if [ -n "$BIN" ] && [ -x "$BIN/pg_ctl" ]; then
        as_owner "$BIN/pg_ctl" -D "$BASE/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
    fi
    # pg_ctl missing or the server not answering: signal the postmaster directly.
    if [ -f "$BASE/data/postmaster.pid" ]; then
        PID=$(head -1 "$BASE/data/postmaster.pid")
        kill -INT "$PID" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
    fi
fi

# Only ever delete a folder that looks like ours: it holds a cluster or our logs.
if [ "${PG_KEEP:-0}" != 1 ] && { [ -f "$BASE/data/PG_VERSION" ] || [ -f "$BASE/initdb.log" ]; }; then
    rm -rf "$BASE"
fi
rm -f "$STATE_FILE"
