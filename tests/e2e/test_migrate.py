"""Issue 5 item 6: `gemgate migrate` from an old gemini-balance SQLite database to PostgreSQL and
from there to MariaDB keeps every row: counts and a checksum per table are compared, read with
each database's own client. Running it twice changes nothing, and the source file is not touched."""

import hashlib
import json
import os
import subprocess

import pytest

from conftest import GEMGATE_BIN
from test_legacy_database import (MYSQL_URL, POSTGRES_URL, REQUEST_ROWS, build_sqlite_fixture, drop_mysql_database,
                                  drop_postgres_schema, fresh_mysql_database, fresh_postgres_schema, mysql_run,
                                  postgres_run, with_schema)
import sqlite3

# Every column both programs know, by table; times are compared to the second (MySQL keeps no
# fraction) and JSON by value.
TABLES = {
    "t_settings": ["key", "value", "description", "created_at", "updated_at"],
    "t_request_log": ["request_time", "model_name", "api_key", "is_success", "status_code", "latency_ms"],
    "t_error_logs": ["gemini_key", "model_name", "error_type", "error_log", "error_code", "request_msg", "request_time"],
    "t_file_records": ["name", "display_name", "mime_type", "size_bytes", "sha256_hash", "state", "create_time",
                       "update_time", "expiration_time", "uri", "api_key", "upload_url", "user_token", "upload_completed"],
}
TIME_COLUMNS = {"created_at", "updated_at", "request_time", "create_time", "update_time", "expiration_time", "upload_completed"}
NULL = "<null>"


def select_sql(table: str, quote: str, cast: str, present=None) -> str:
    """A column the table lacks (an old gemini-balance t_error_logs) reads as NULL."""
    columns = ", ".join(f"COALESCE(CAST({quote}{c}{quote} AS {cast}), '{NULL}')" if present is None or c in present
                        else f"'{NULL}'" for c in TABLES[table])
    return f"SELECT {columns} FROM {table}"


def normalise(table: str, row) -> tuple:
    values = []
    for column, value in zip(TABLES[table], row):
        value = NULL if value is None else str(value)
        if value != NULL and column in TIME_COLUMNS:
            value = value.replace("T", " ")[:19]
        if value != NULL and column == "request_msg":
            value = json.dumps(json.loads(value), sort_keys=True, ensure_ascii=False)
        values.append(value)
    return tuple(values)


def digest(table: str, rows) -> tuple[int, str]:
    lines = sorted("\x1f".join(normalise(table, row)) for row in rows)
    return len(lines), hashlib.sha256("\n".join(lines).encode()).hexdigest()


def sqlite_digests(path) -> dict:
    connection = sqlite3.connect(path)
    try:
        digests = {}
        for table in TABLES:
            # SQLite reads a quoted name it does not know as a string, so ask for present columns only.
            present = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
            digests[table] = digest(table, connection.execute(select_sql(table, '"', "TEXT", present)).fetchall())
        return digests
    finally:
        connection.close()


def postgres_digests(schema: str) -> dict:
    return {t: digest(t, postgres_run(POSTGRES_URL, select_sql(t, '"', "TEXT"), schema)) for t in TABLES}


def mysql_digests(database: str) -> dict:
    return {t: digest(t, mysql_run(MYSQL_URL, select_sql(t, "`", "CHAR"), database)) for t in TABLES}


def migrate(source: str, target: str) -> str:
    env = dict(os.environ, TZ="Asia/Shanghai", SWIFT_BACKTRACE="enable=no")
    result = subprocess.run([str(GEMGATE_BIN), "migrate", "--from", source, "--to", target, "--batch-size", "100"],
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def file_digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.skipif(not (MYSQL_URL and POSTGRES_URL), reason="needs GEMGATE_TEST_MYSQL_URL and GEMGATE_TEST_POSTGRES_URL")
def test_sqlite_to_postgres_to_mariadb_keeps_every_row(tmp_path):
    source = tmp_path / "data" / "default_db"
    build_sqlite_fixture(source, "http://127.0.0.1:9/v1beta")
    expected = sqlite_digests(source)
    assert expected["t_request_log"][0] == REQUEST_ROWS
    untouched = file_digest(source)

    schema = fresh_postgres_schema(POSTGRES_URL)
    database = fresh_mysql_database(MYSQL_URL)
    try:
        postgres = with_schema(POSTGRES_URL, schema)
        output = migrate(f"sqlite://{source}", postgres)
        assert f"t_request_log    {REQUEST_ROWS} in the source, {REQUEST_ROWS} copied, 0 already copied before" in output, output
        assert postgres_digests(schema) == expected

        # Twice: nothing is added.
        output = migrate(f"sqlite://{source}", postgres)
        assert f"t_request_log    {REQUEST_ROWS} in the source, 0 copied, {REQUEST_ROWS} already copied before" in output, output
        assert postgres_digests(schema) == expected
        assert file_digest(source) == untouched, "the source file was modified"

        mysql = MYSQL_URL.rsplit("/", 1)[0] + "/" + database
        migrate(postgres, mysql)
        assert mysql_digests(database) == expected
        migrate(postgres, mysql)
        assert mysql_digests(database) == expected
    finally:
        drop_postgres_schema(POSTGRES_URL, schema)
        drop_mysql_database(MYSQL_URL, database)


def test_a_bad_url_is_refused_with_a_sentence(tmp_path):
    result = subprocess.run([str(GEMGATE_BIN), "migrate", "--from", "redis://x", "--to", f"sqlite://{tmp_path}/x.db"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Unknown database URL" in result.stdout + result.stderr
