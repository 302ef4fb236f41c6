"""Issue 5 item 5: Gemgate opens an old gemini-balance database (SQLite `data/default_db`, and
MariaDB) as it is: the old keys, tokens and admin token work, the old logs are there with their
times, and the old tables keep every column they had.

The fixture is built here with gemini-balance's exact DDL (what SQLAlchemy's `create_all` made
from its models.py) and the values it writes: JSON lists with ", " separators, booleans as
true/false, None as "", numbers as str(), settings times in UTC, log times as naive local time
(Asia/Shanghai in its image), request_msg None as the JSON text null, and an `t_error_logs` from
before April 2025 without model_name, error_type and error_code.

The helpers at the top (building the fixture, reading the servers with their own command-line
clients) are shared with test_migrate.py.
"""

import datetime
import hashlib
import http.cookiejar
import json
import os
import pathlib
import re
import shutil
import sqlite3
import subprocess
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest

from conftest import Gateway, http_json, make_key

SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))
# The instant the old log rows were written: 2026-11-27 10:53:21.982503 UTC.
LOG_INSTANT = datetime.datetime(2026, 11, 27, 10, 53, 21, 982503, tzinfo=datetime.timezone.utc)
OLD_KEYS = [make_key("legacy-one"), make_key("legacy-two")]
OLD_TOKEN = "sk-user-1"
OLD_ADMIN = "sk-admin-456"

MYSQL_URL = os.environ.get("GEMGATE_TEST_MYSQL_URL", "")
POSTGRES_URL = os.environ.get("GEMGATE_TEST_POSTGRES_URL", "")


def gemini_balance_settings(base_url: str) -> dict:
    """t_settings as gemini-balance's sync_initial_settings serialises its fields."""
    return {
        "API_KEYS": json.dumps(OLD_KEYS, ensure_ascii=False),
        "ALLOWED_TOKENS": json.dumps([OLD_TOKEN], ensure_ascii=False),
        "AUTH_TOKEN": OLD_ADMIN,
        "BASE_URL": base_url,
        "MAX_FAILURES": "3",
        "MAX_RETRIES": "3",
        "TIME_OUT": "300",
        "CHECK_INTERVAL_HOURS": "1",
        "TEST_MODEL": "gemini-2.5-flash-lite",
        "FAKE_STREAM_ENABLED": "true",
        "SHOW_SEARCH_LINK": "false",
        "CUSTOM_HEADERS": json.dumps({"X-Team": "中文 团队"}, ensure_ascii=False),
        "THINKING_BUDGET_MAP": json.dumps({"gemini-2.5-flash": -1.0}, ensure_ascii=False),
        "PROXIES": "[]",
        "PAID_KEY": "",
        "STREAM_MIN_DELAY": "0.016",
        "LOG_LEVEL": "INFO",
        # gemini-balance stores its scheduler zone too; the panel shows times in it.
        "TIMEZONE": "UTC",
        "GITHUB_REPO_OWNER": "snailyp",
        "MYSQL_PORT": "3306",
    }


def naive(instant: datetime.datetime, zone: datetime.tzinfo, fraction: bool) -> str:
    text = instant.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S")
    return text + (instant.strftime(".%f") if fraction else "")


SQLITE_DDL = [
    'CREATE TABLE t_settings (\n\tid INTEGER NOT NULL, \n\t"key" VARCHAR(100) NOT NULL, \n\tvalue TEXT, \n\t'
    'description VARCHAR(255), \n\tcreated_at DATETIME, \n\tupdated_at DATETIME, \n\tPRIMARY KEY (id), \n\tUNIQUE ("key")\n)',
    "CREATE TABLE t_error_logs (\n\tid INTEGER NOT NULL, \n\tgemini_key VARCHAR(100), \n\terror_log TEXT, \n\t"
    "request_msg JSON, \n\trequest_time DATETIME, \n\tPRIMARY KEY (id)\n)",
    "CREATE TABLE t_request_log (\n\tid INTEGER NOT NULL, \n\trequest_time DATETIME, \n\tmodel_name VARCHAR(100), \n\t"
    "api_key VARCHAR(100), \n\tis_success BOOLEAN NOT NULL, \n\tstatus_code INTEGER, \n\tlatency_ms INTEGER, \n\t"
    "PRIMARY KEY (id)\n)",
    "CREATE TABLE t_file_records (\n\tid INTEGER NOT NULL, \n\tname VARCHAR(255) NOT NULL, \n\tdisplay_name VARCHAR(255), \n\t"
    "mime_type VARCHAR(100) NOT NULL, \n\tsize_bytes BIGINT NOT NULL, \n\tsha256_hash VARCHAR(255), \n\t"
    "state VARCHAR(10) NOT NULL, \n\tcreate_time DATETIME NOT NULL, \n\tupdate_time DATETIME NOT NULL, \n\t"
    "expiration_time DATETIME NOT NULL, \n\turi VARCHAR(500) NOT NULL, \n\tapi_key VARCHAR(100) NOT NULL, \n\t"
    "upload_url TEXT, \n\tuser_token VARCHAR(100), \n\tupload_completed DATETIME, \n\tPRIMARY KEY (id), \n\tUNIQUE (name)\n)",
]

MYSQL_DDL = [
    "CREATE TABLE `t_settings` (`id` int(11) NOT NULL AUTO_INCREMENT, `key` varchar(100) NOT NULL, `value` text DEFAULT NULL,"
    " `description` varchar(255) DEFAULT NULL, `created_at` datetime DEFAULT NULL, `updated_at` datetime DEFAULT NULL,"
    " PRIMARY KEY (`id`), UNIQUE KEY `key` (`key`))",
    "CREATE TABLE `t_error_logs` (`id` int(11) NOT NULL AUTO_INCREMENT, `gemini_key` varchar(100) DEFAULT NULL,"
    " `error_log` text DEFAULT NULL, `request_msg` json DEFAULT NULL, `request_time` datetime DEFAULT NULL, PRIMARY KEY (`id`))",
    "CREATE TABLE `t_request_log` (`id` int(11) NOT NULL AUTO_INCREMENT, `request_time` datetime DEFAULT NULL,"
    " `model_name` varchar(100) DEFAULT NULL, `api_key` varchar(100) DEFAULT NULL, `is_success` tinyint(1) NOT NULL,"
    " `status_code` int(11) DEFAULT NULL, `latency_ms` int(11) DEFAULT NULL, PRIMARY KEY (`id`))",
    "CREATE TABLE `t_file_records` (`id` int(11) NOT NULL AUTO_INCREMENT, `name` varchar(255) NOT NULL,"
    " `display_name` varchar(255) DEFAULT NULL, `mime_type` varchar(100) NOT NULL, `size_bytes` bigint(20) NOT NULL,"
    " `sha256_hash` varchar(255) DEFAULT NULL, `state` enum('PROCESSING','ACTIVE','FAILED') NOT NULL,"
    " `create_time` datetime NOT NULL, `update_time` datetime NOT NULL, `expiration_time` datetime NOT NULL,"
    " `uri` varchar(500) NOT NULL, `api_key` varchar(100) NOT NULL, `upload_url` text DEFAULT NULL,"
    " `user_token` varchar(100) DEFAULT NULL, `upload_completed` datetime DEFAULT NULL, PRIMARY KEY (`id`),"
    " UNIQUE KEY `name` (`name`))",
]

ORIGINAL_COLUMNS = {
    "t_settings": ["id", "key", "value", "description", "created_at", "updated_at"],
    "t_error_logs": ["id", "gemini_key", "error_log", "request_msg", "request_time"],
    "t_request_log": ["id", "request_time", "model_name", "api_key", "is_success", "status_code", "latency_ms"],
    "t_file_records": ["id", "name", "display_name", "mime_type", "size_bytes", "sha256_hash", "state", "create_time",
                       "update_time", "expiration_time", "uri", "api_key", "upload_url", "user_token", "upload_completed"],
}

REQUEST_ROWS = 250  # enough to be paged and batched


def fixture_rows(base_url: str, fraction: bool):
    """(sql with ? placeholders, params) for every row gemini-balance would have written."""
    settings_time = naive(LOG_INSTANT, datetime.timezone.utc, fraction)
    rows = []
    for key, value in gemini_balance_settings(base_url).items():
        rows.append(("INSERT INTO t_settings ({k}, value, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                     (key, value, f"{key} configuration setting", settings_time, settings_time)))
    for index in range(REQUEST_ROWS):
        instant = LOG_INSTANT - datetime.timedelta(minutes=index)
        rows.append(("INSERT INTO t_request_log (request_time, model_name, api_key, is_success, status_code, latency_ms)"
                     " VALUES (?, ?, ?, ?, ?, ?)",
                     (naive(instant, SHANGHAI, fraction), "gemini-2.5-flash" if index % 3 else "gemini-2.5-pro 模型",
                      OLD_KEYS[index % 2], 0 if index % 10 == 0 else 1, 429 if index % 10 == 0 else 200, 100 + index)))
    rows.append(("INSERT INTO t_error_logs (gemini_key, error_log, request_msg, request_time) VALUES (?, ?, ?, ?)",
                 (OLD_KEYS[0], "429 RESOURCE_EXHAUSTED: 配额已用尽 🙁",
                  json.dumps({"contents": [{"role": "user", "parts": [{"text": "你好"}]}]}), naive(LOG_INSTANT, SHANGHAI, fraction))))
    rows.append(("INSERT INTO t_error_logs (gemini_key, error_log, request_msg, request_time) VALUES (?, ?, ?, ?)",
                 (OLD_KEYS[1], "500 INTERNAL", "null", naive(LOG_INSTANT, SHANGHAI, fraction))))
    rows.append(("INSERT INTO t_file_records (name, display_name, mime_type, size_bytes, sha256_hash, state, create_time,"
                 " update_time, expiration_time, uri, api_key, upload_url, user_token, upload_completed)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 ("files/abc123", "报告.pdf", "application/pdf", 5_000_000_000, None, "ACTIVE", settings_time, settings_time,
                  naive(LOG_INSTANT + datetime.timedelta(days=2), datetime.timezone.utc, fraction),
                  "https://generativelanguage.googleapis.com/v1beta/files/abc123", OLD_KEYS[0], None, OLD_TOKEN, settings_time)))
    return rows


def build_sqlite_fixture(path: pathlib.Path, base_url: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)  # rollback-journal mode, as gemini-balance leaves it
    for ddl in SQLITE_DDL:
        connection.execute(ddl)
    for sql, params in fixture_rows(base_url, fraction=True):
        connection.execute(sql.format(k='"key"'), params)
    connection.commit()
    connection.close()


# --- MariaDB and PostgreSQL through their own command-line clients -------------------------------

def mysql_parts(url: str, database: str | None = None) -> dict:
    parts = urllib.parse.urlparse(url)
    return {"host": parts.hostname, "port": str(parts.port or 3306), "user": parts.username,
            "password": urllib.parse.unquote(parts.password or ""), "database": database or parts.path.lstrip("/")}


def mysql_run(url: str, sql: str, database: str | None = None) -> list[list[str]]:
    p = mysql_parts(url, database)
    out = subprocess.run(["mariadb", "--no-defaults", "--batch", "--skip-column-names", "--raw", "--default-character-set=utf8mb4",
                          "-h", p["host"], "-P", p["port"], "-u", p["user"], f"-p{p['password']}", p["database"], "-e", sql],
                         check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines()]


def mysql_literal(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("\\", "\\\\").replace("'", "''") + "'"


def fresh_mysql_database(url: str) -> str:
    name = "gemgate_e2e_" + uuid.uuid4().hex[:12]
    mysql_run(url, f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
    return name


def drop_mysql_database(url: str, name: str):
    mysql_run(url, f"DROP DATABASE IF EXISTS `{name}`")


def build_mysql_fixture(url: str, database: str, base_url: str):
    statements = list(MYSQL_DDL)
    for sql, params in fixture_rows(base_url, fraction=False):
        text = sql.format(k="`key`")
        for value in params:
            text = text.replace("?", mysql_literal(value), 1)
        statements.append(text)
    mysql_run(url, ";\n".join(statements) + ";", database)


def postgres_run(url: str, sql: str, schema: str | None = None) -> list[list[str]]:
    env = dict(os.environ)
    if schema:
        env["PGOPTIONS"] = f"-c search_path={schema}"
    out = subprocess.run(["psql", url, "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql],
                         check=True, capture_output=True, text=True, env=env).stdout
    return [line.split("\t") for line in out.splitlines()]


def fresh_postgres_schema(url: str) -> str:
    name = "gg_e2e_" + uuid.uuid4().hex[:12]
    postgres_run(url, f'CREATE SCHEMA "{name}"')
    return name


def drop_postgres_schema(url: str, name: str):
    postgres_run(url, f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


def with_schema(url: str, schema: str) -> str:
    return url + ("&" if "?" in url else "?") + f"schema={schema}"


def mysql_environment(url: str, database: str) -> dict:
    p = mysql_parts(url, database)
    return {"DATABASE_TYPE": "mysql", "MYSQL_HOST": p["host"], "MYSQL_PORT": p["port"], "MYSQL_USER": p["user"],
            "MYSQL_PASSWORD": p["password"], "MYSQL_DATABASE": database}


def sqlite_columns(path: pathlib.Path, table: str) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[1].lower() for row in connection.execute(f"PRAGMA table_info({table})")]
    finally:
        connection.close()


def mysql_columns(url: str, database: str, table: str) -> list[str]:
    rows = mysql_run(url, "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                          f" AND TABLE_NAME = '{table}' ORDER BY ORDINAL_POSITION", database)
    return [row[0].lower() for row in rows]


# --- The tests ----------------------------------------------------------------------------------

def start_on_old_database(tmp_path, fake, database_env: dict, name: str) -> Gateway:
    """Gemgate with only the database variables (and the time zone gemini-balance ran in)."""
    env = dict(database_env)
    env["TZ"] = "Asia/Shanghai"
    return Gateway(tmp_path, env, name=name)


def expect_old_keys_tokens_and_admin(gateway: Gateway, fake):
    before = fake.mark()
    body = {"contents": [{"role": "user", "parts": [{"text": "hi"}]}]}
    url = gateway.url + "/v1beta/models/gemini-2.5-flash:generateContent"
    status, _, answer = http_json("POST", url, body, {"x-goog-api-key": OLD_TOKEN})
    assert status == 200, answer
    # The old admin token is also the super token on proxy routes.
    status, _, answer = http_json("POST", url, body, {"x-goog-api-key": OLD_ADMIN})
    assert status == 200, answer
    status, _, _ = http_json("POST", url, body, {"x-goog-api-key": "sk-not-a-token"})
    assert status == 401
    used = {request.get("apiKey") for request in fake.requests(since=before)}
    assert used and used <= set(OLD_KEYS), used


class Panel:
    """A logged-in admin panel session (cookie and CSRF token), as a browser holds it."""

    def __init__(self, url: str, token: str):
        self.url = url
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        data = urllib.parse.urlencode({"auth_token": token}).encode()
        try:
            response = self.opener.open(urllib.request.Request(url + "/auth", data=data, method="POST"), timeout=15)
        except urllib.error.HTTPError as error:
            if error.code == 404:
                pytest.skip("the admin panel is not in this build yet")
            raise AssertionError(f"login refused: {error.code}")
        page = response.read().decode(errors="replace")
        assert response.geturl().endswith("/keys"), response.geturl()
        match = re.search(r'name="csrf_token" value="([^"]+)"', page)
        self.csrf = match.group(1) if match else None

    def get_json(self, path: str):
        with self.opener.open(self.url + path, timeout=15) as response:
            return json.loads(response.read())

    def put_json(self, path: str, body) -> tuple[int, dict]:
        request = urllib.request.Request(self.url + path, data=json.dumps(body).encode(), method="PUT",
                                         headers={"Content-Type": "application/json", "X-CSRF-Token": self.csrf or ""})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")


def expect_panel_login_and_old_logs(gateway: Gateway, fraction: bool):
    """The old admin token logs in to the panel, and the panel lists the old request and error
    logs at the instant they were written (shown in TIMEZONE, which the fixture sets to UTC:
    so the naive Shanghai times were read as Shanghai times, not copied as text)."""
    panel = Panel(gateway.url, OLD_ADMIN)
    requests = panel.get_json("/api/logs/requests?from=&sort=id&order=asc")
    assert requests["total"] >= REQUEST_ROWS, requests["total"]
    first = requests["rows"][0]
    assert first["time"] == naive(LOG_INSTANT, datetime.timezone.utc, False), first
    errors = panel.get_json("/api/logs/errors?from=&sort=id&order=asc")
    old_errors = [row for row in errors["rows"] if row["time"] == naive(LOG_INSTANT, datetime.timezone.utc, False)]
    assert len(old_errors) == 2, errors["rows"]


def test_old_sqlite_database_logs_in_to_the_panel_and_shows_the_old_logs(tmp_path, fake):
    build_sqlite_fixture(tmp_path / "data" / "default_db", fake.base_url)
    gateway = start_on_old_database(tmp_path, fake, {"DATABASE_TYPE": "sqlite", "SQLITE_DATABASE": "default_db"}, "legacy-panel")
    try:
        expect_panel_login_and_old_logs(gateway, fraction=True)
    finally:
        gateway.stop()


@pytest.mark.skipif(not MYSQL_URL, reason="GEMGATE_TEST_MYSQL_URL is not set")
def test_old_mariadb_database_logs_in_to_the_panel_and_shows_the_old_logs(tmp_path, fake):
    name = fresh_mysql_database(MYSQL_URL)
    try:
        build_mysql_fixture(MYSQL_URL, name, fake.base_url)
        gateway = start_on_old_database(tmp_path, fake, mysql_environment(MYSQL_URL, name), "legacy-mysql-panel")
        try:
            expect_panel_login_and_old_logs(gateway, fraction=False)
        finally:
            gateway.stop()
    finally:
        drop_mysql_database(MYSQL_URL, name)


def test_old_sqlite_database_opens_as_it_is(tmp_path, fake):
    database = tmp_path / "data" / "default_db"
    build_sqlite_fixture(database, fake.base_url)
    before = {table: sqlite_columns(database, table) for table in ORIGINAL_COLUMNS}
    assert before == ORIGINAL_COLUMNS

    # Only the database variables: gemini-balance's SQLITE_DATABASE default, under data/.
    gateway = start_on_old_database(tmp_path, fake, {"DATABASE_TYPE": "sqlite", "SQLITE_DATABASE": "default_db"}, "legacy-sqlite")
    try:
        assert "opened an existing gemini-balance database" in gateway.process.output()
        expect_old_keys_tokens_and_admin(gateway, fake)
    finally:
        gateway.stop()

    connection = sqlite3.connect(database)
    try:
        settings = dict(connection.execute('SELECT "key", value FROM t_settings'))
        # The old values are kept as gemini-balance wrote them; Gemgate adds only what it lacked.
        for key, value in gemini_balance_settings(fake.base_url).items():
            assert settings[key] == value, key
        old_times = connection.execute("SELECT request_time FROM t_request_log ORDER BY id LIMIT 1").fetchone()[0]
        assert old_times == naive(LOG_INSTANT, SHANGHAI, True)
        # Gemgate's own rows are written the same way: naive Shanghai time.
        newest = connection.execute("SELECT request_time FROM t_request_log ORDER BY id DESC LIMIT 1").fetchone()[0]
        written = datetime.datetime.fromisoformat(newest).replace(tzinfo=SHANGHAI)
        assert abs((written - datetime.datetime.now(datetime.timezone.utc)).total_seconds()) < 120
        assert connection.execute("SELECT COUNT(*) FROM t_request_log").fetchone()[0] >= REQUEST_ROWS + 2
    finally:
        connection.close()
    for table, columns in ORIGINAL_COLUMNS.items():
        after = sqlite_columns(database, table)
        assert after[: len(columns)] == columns, table


@pytest.mark.skipif(not MYSQL_URL, reason="GEMGATE_TEST_MYSQL_URL is not set")
def test_old_mariadb_database_opens_as_it_is(tmp_path, fake):
    name = fresh_mysql_database(MYSQL_URL)
    try:
        build_mysql_fixture(MYSQL_URL, name, fake.base_url)
        assert {table: mysql_columns(MYSQL_URL, name, table) for table in ORIGINAL_COLUMNS} == ORIGINAL_COLUMNS
        gateway = start_on_old_database(tmp_path, fake, mysql_environment(MYSQL_URL, name), "legacy-mysql")
        try:
            assert "opened an existing gemini-balance database" in gateway.process.output()
            expect_old_keys_tokens_and_admin(gateway, fake)
        finally:
            gateway.stop()
        settings = dict(mysql_run(MYSQL_URL, "SELECT `key`, value FROM t_settings", name))
        for key, value in gemini_balance_settings(fake.base_url).items():
            assert settings[key] == value, key
        first = mysql_run(MYSQL_URL, "SELECT CAST(request_time AS CHAR) FROM t_request_log ORDER BY id LIMIT 1", name)
        assert first[0][0] == naive(LOG_INSTANT, SHANGHAI, False)
        for table, columns in ORIGINAL_COLUMNS.items():
            assert mysql_columns(MYSQL_URL, name, table)[: len(columns)] == columns, table
    finally:
        drop_mysql_database(MYSQL_URL, name)
