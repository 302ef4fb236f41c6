#!/usr/bin/env bash
# Starts a throwaway MariaDB on 127.0.0.1 for tests: no systemd, no /etc/mysql config.
#
#   scripts/db/mariadb-start.sh            → prints mysql://gemgate:gemgatepw@127.0.0.1:3307/gemgate
#
# Environment:
#   MDB_PORT  TCP port (default 3307, so a system server on 3306 is left alone)
#   MDB_BASE  folder for data, socket, logs (default: a new mktemp folder, removed by mariadb-stop.sh)
#   MDB_TLS   1 (default when openssl exists) makes a CA and server certificate under $MDB_BASE/tls
#             so the server also accepts TLS; clients verify it with $MDB_BASE/tls/ca.pem. 0 turns it off.
#
# stdout carries only the connection URL. The base folder of the server on a port is written to
# ${TMPDIR:-/tmp}/gemgate-mariadb-<port>.base, which mariadb-stop.sh reads. Running the script again
# for a port whose server is up reuses that server (and re-creates the database and user if missing).
# The account gemgate may create and drop databases whose names start with "gemgate" (the storage
# tests make one per test). Must run as root or as the owner of MDB_BASE.
set -euo pipefail

PORT=${MDB_PORT:-3307}
STATE_FILE="${TMPDIR:-/tmp}/gemgate-mariadb-${PORT}.base"
URL="mysql://gemgate:gemgatepw@127.0.0.1:${PORT}/gemgate"

fail() {
    echo "mariadb-start: $*" >&2
    exit 1
}

for tool in mariadbd mariadb mariadb-admin mariadb-install-db; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool not found (apt-get install mariadb-server)"
done

# The server runs as the invoking user; as root, mariadbd refuses to start without --user=root.
# mariadb-install-db gives the invoking OS user a unix_socket login of the same name.
if [ "$(id -u)" -eq 0 ]; then
    SERVER_USER=root
else
    SERVER_USER=$(id -un)
fi

# Reuse a server already started for this port.
if [ -z "${MDB_BASE:-}" ] && [ -s "$STATE_FILE" ] && [ -d "$(cat "$STATE_FILE")" ]; then
    MDB_BASE=$(cat "$STATE_FILE")
fi

if [ -n "${MDB_BASE:-}" ]; then
    BASE=$MDB_BASE
    mkdir -p "$BASE"
else
    BASE=$(mktemp -d "${TMPDIR:-/tmp}/gemgate-mariadb.XXXXXX")
    # mariadb-stop.sh removes only folders this script created.
    touch "$BASE/.created-by-mariadb-start"
fi
BASE=$(cd "$BASE" && pwd)
SOCKET="$BASE/mysqld.sock"
# Unix socket paths are limited to 107 bytes.
[ "${#SOCKET}" -lt 107 ] || fail "MDB_BASE path is too long for a unix socket: $BASE"

admin() { mariadb --no-defaults --socket="$SOCKET" -u"$SERVER_USER" "$@"; }
answers() { mariadb-admin --no-defaults --socket="$SOCKET" -u"$SERVER_USER" ping >/dev/null 2>&1; }

if ! answers; then
    if [ ! -d "$BASE/data/mysql" ]; then
        mariadb-install-db --no-defaults --user="$SERVER_USER" --datadir="$BASE/data" \
            --auth-root-authentication-method=socket --skip-test-db >"$BASE/install.log" 2>&1 ||
            fail "mariadb-install-db failed; see $BASE/install.log"
    fi

    TLS_OPTIONS=()
    if [ "${MDB_TLS:-1}" = 1 ] && command -v openssl >/dev/null 2>&1; then
        TLS="$BASE/tls"
        if [ ! -s "$TLS/server-cert.pem" ]; then
            mkdir -p "$TLS"
            # EC keys: generated in milliseconds, unlike RSA. The server certificate names both
            # 127.0.0.1 and localhost so a client that checks the host name accepts it.
            {
                openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
                    -subj "/CN=Gemgate test CA" -keyout "$TLS/ca-key.pem" -out "$TLS/ca.pem" &&
                    openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
                        -subj "/CN=127.0.0.1" -keyout "$TLS/server-key.pem" -out "$TLS/server.csr" &&
                    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$TLS/san.ext" &&
                    openssl x509 -req -in "$TLS/server.csr" -CA "$TLS/ca.pem" -CAkey "$TLS/ca-key.pem" \
                        -CAcreateserial -days 3650 -extfile "$TLS/san.ext" -out "$TLS/server-cert.pem"
            } >"$TLS/openssl.log" 2>&1 || fail "could not make test certificates; see $TLS/openssl.log"
        fi
        TLS_OPTIONS=(--ssl-ca="$TLS/ca.pem" --ssl-cert="$TLS/server-cert.pem" --ssl-key="$TLS/server-key.pem")
    fi

    # --no-defaults: Debian's config points the socket at /run/mysqld, which needs systemd.
    # Small buffers: this server holds test data only. Tests run in parallel, each with its own
    # database and pool, so allow more connections than the default 151.
    mariadbd --no-defaults --user="$SERVER_USER" --datadir="$BASE/data" \
        --socket="$SOCKET" --pid-file="$BASE/mysqld.pid" \
        --port="$PORT" --bind-address=127.0.0.1 \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
        --log-error="$BASE/error.log" --skip-log-bin \
        --innodb-buffer-pool-size=64M --innodb-log-file-size=16M --max-connections=1000 \
        "${TLS_OPTIONS[@]}" >/dev/null 2>&1 &
    echo $! >"$BASE/mariadbd.bgpid"

    for _ in $(seq 1 300); do
        answers && break
        kill -0 "$(cat "$BASE/mariadbd.bgpid")" 2>/dev/null || break
        sleep 0.1
    done
    if ! answers; then
        tail -n 5 "$BASE/error.log" >&2 2>/dev/null || true
        fail "MariaDB did not answer on port $PORT; see $BASE/error.log"
    fi
fi

admin <<'SQL' || fail "could not create the database and user"
CREATE DATABASE IF NOT EXISTS gemgate CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'gemgate'@'127.0.0.1' IDENTIFIED BY 'gemgatepw';
CREATE USER IF NOT EXISTS 'gemgate'@'localhost' IDENTIFIED BY 'gemgatepw';
GRANT ALL PRIVILEGES ON `gemgate%`.* TO 'gemgate'@'127.0.0.1';
GRANT ALL PRIVILEGES ON `gemgate%`.* TO 'gemgate'@'localhost';
SQL

echo "$BASE" >"$STATE_FILE"
echo "$URL" >"$BASE/url"
echo "$URL"
