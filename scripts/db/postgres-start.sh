#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback for tests and CI, without systemd.
#
#   PG_BASE  folder for the cluster (data, socket, log); default: a new mktemp folder
#   PG_PORT  TCP port on 127.0.0.1; default 5433 (5432 is left to a system server)
#   PG_BIN   folder of initdb/pg_ctl; default: the newest /usr/lib/postgresql/*/bin
#   PG_TLS   1 (default when openssl exists) makes a CA and a server certificate (for 127.0.0.1
#            and localhost) under $PG_BASE/tls, so the server also accepts TLS; clients verify
#            it with $PG_BASE/tls/ca.pem. 0 turns it off.
#
# Creates role `gemgate` (password `gemgatepw`) and database `gemgate` owned by it, waits until
# the server accepts connections, and prints one line on stdout:
#   postgres://gemgate:gemgatepw@127.0.0.1:PORT/gemgate
# Everything else goes to $PG_BASE/*.log. Idempotent: a second call for the same port finds the
# running cluster (through a state file named after the port) and only prints the URL again.
# As root (CI) the server runs as the `postgres` user, because initdb and postgres refuse root.
set -euo pipefail

PORT=${PG_PORT:-5433}
STATE_FILE="${TMPDIR:-/tmp}/gemgate-postgres-${PORT}.base"
URL="postgres://gemgate:gemgatepw@127.0.0.1:${PORT}/gemgate"

fail() {
    echo "postgres-start: $*" >&2
    exit 1
}

if [ -n "${PG_BIN:-}" ]; then
    BIN=$PG_BIN
else
    BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
fi
[ -n "$BIN" ] && [ -x "$BIN/initdb" ] || fail "no PostgreSQL server binaries found (set PG_BIN)"

# The base folder: given, or remembered from an earlier start on this port, or new.
if [ -n "${PG_BASE:-}" ]; then
    BASE=$PG_BASE
elif [ -f "$STATE_FILE" ]; then
    BASE=$(cat "$STATE_FILE")
else
    BASE=$(mktemp -d "${TMPDIR:-/tmp}/gemgate-postgres.XXXXXX")
fi
mkdir -p "$BASE"
BASE=$(cd "$BASE" && pwd)

# Runs a command as the cluster's owner: `postgres` when we are root, ourselves otherwise.
if [ "$(id -u)" = 0 ]; then
    OWNER=postgres
    id "$OWNER" >/dev/null 2>&1 || fail "running as root needs a 'postgres' user"
    chown "$OWNER:" "$BASE"
    as_owner() { runuser -u "$OWNER" -- "$@"; }
else
    as_owner() { "$@"; }
fi

# The superuser talks over the unix socket in $BASE, which only the owner (and root) can reach.
psql_super() {
    as_owner "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$BASE" -p "$PORT" -U postgres -d postgres "$@"
}

is_running() {
    as_owner "$BIN/pg_ctl" -D "$BASE/data" status >/dev/null 2>&1
}

if [ ! -f "$BASE/data/PG_VERSION" ]; then
    as_owner "$BIN/initdb" -D "$BASE/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >"$BASE/initdb.log" 2>&1 \
        || fail "initdb failed; see $BASE/initdb.log"
fi

if ! is_running; then
    TLS_OPTIONS=""
    if [ "${PG_TLS:-1}" = 1 ] && command -v openssl >/dev/null 2>&1; then
        TLS="$BASE/tls"
        if [ ! -s "$TLS/server-cert.pem" ]; then
            mkdir -p "$TLS"
            # EC keys: generated in milliseconds, unlike RSA.
            {
                openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
                    -subj "/CN=Gemgate test CA" -keyout "$TLS/ca-key.pem" -out "$TLS/ca.pem" &&
                    openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
                        -subj "/CN=127.0.0.1" -keyout "$TLS/server-key.pem" -out "$TLS/server.csr" &&
                    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$TLS/san.ext" &&
                    openssl x509 -req -in "$TLS/server.csr" -CA "$TLS/ca.pem" -CAkey "$TLS/ca-key.pem" \
                        -CAcreateserial -days 3650 -extfile "$TLS/san.ext" -out "$TLS/server-cert.pem"
            } >"$BASE/openssl.log" 2>&1 || fail "could not make test certificates; see $BASE/openssl.log"
            # PostgreSQL refuses a key that others can read; it must belong to the server's user.
            chmod 600 "$TLS/server-key.pem" "$TLS/ca-key.pem"
            chmod 644 "$TLS/ca.pem" "$TLS/server-cert.pem"
            if [ "$(id -u)" = 0 ]; then chown -R "$OWNER:" "$TLS"; fi
        fi
        TLS_OPTIONS="-c ssl=on -c ssl_cert_file=$TLS/server-cert.pem -c ssl_key_file=$TLS/server-key.pem"
    fi

    # -w waits until the server accepts connections (or the timeout passes). Tests run in
    # parallel, each with its own pool, hence more connections than the default 100.
    as_owner "$BIN/pg_ctl" -D "$BASE/data" -l "$BASE/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $BASE -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 $TLS_OPTIONS" \
        start >"$BASE/pg_ctl.log" 2>&1 \
        || { tail -n 5 "$BASE/server.log" >&2 2>/dev/null || true; fail "server did not start on port $PORT; see $BASE/server.log"; }
fi
echo "$BASE" >"$STATE_FILE"

# pg_ctl -w already waited; this covers a server that was still starting when we found it.
for _ in $(seq 1 100); do
    as_owner "$BIN/pg_isready" -q -h "$BASE" -p "$PORT" && break
    sleep 0.1
done
as_owner "$BIN/pg_isready" -q -h "$BASE" -p "$PORT" || fail "server on port $PORT is not ready; see $BASE/server.log"

psql_super >>"$BASE/setup.log" 2>&1 <<'SQL' || fail "creating role and database failed; see $BASE/setup.log"
SELECT 'CREATE ROLE gemgate LOGIN PASSWORD ''gemgatepw'''
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gemgate') \gexec
SELECT 'CREATE DATABASE gemgate OWNER gemgate'
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'gemgate') \gexec
SQL

echo "$URL"
