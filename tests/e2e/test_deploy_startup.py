"""Issue 6, items 4 and 5: a start that explains itself, `gemgate config check`, and
`gemgate admin reset-token`, on the gemgate binary the other end-to-end tests use.

Each refusal to start must be one line, `Gemgate cannot start: <cause> <fix>`, and exit 1."""

import json
import os
import pathlib
import re
import subprocess
import urllib.parse
import urllib.request

import pytest

from conftest import GEMGATE_BIN, GUIDE_ENVIRONMENT, Gateway, free_port, http_json, make_key


def run_gemgate(tmp_path: pathlib.Path, env: dict, args=(), wrapper=(), timeout=60) -> subprocess.CompletedProcess:
    """Runs the binary to completion with a clean gateway environment (no inherited settings)."""
    environment = {k: v for k, v in os.environ.items()
                   if not k.startswith(("API_KEYS", "ALLOWED_TOKENS", "AUTH_TOKEN", "DATA_DIR", "DATABASE_", "MYSQL_",
                                        "POSTGRES_", "SQLITE_", "PORT", "HOST", "ENV_OVERRIDES"))}
    environment.update({"SWIFT_BACKTRACE": "enable=no", "HOST": "127.0.0.1", "PORT": str(free_port())})
    environment.update(env)
    return subprocess.run([*wrapper, str(GEMGATE_BIN), *args], env=environment, cwd=tmp_path, capture_output=True,
                          text=True, timeout=timeout)


def only_line(done: subprocess.CompletedProcess) -> str:
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    assert len(lines) == 1, done.stdout + done.stderr
    return lines[0]


# --------------------------------------------------------------------- refusals to start


def read_only_wrapper(folder: pathlib.Path) -> tuple:
    """A wrapper that makes `folder` refuse writes for the gateway. As root, permission bits do
    not stop writes, so the folder is bound read-only in a private mount namespace, as a
    read-only volume is; as another user, taking the write bit away is enough."""
    if os.geteuid() == 0:
        script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
        return ("unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh", str(folder))
    folder.chmod(0o555)
    return ()


def test_read_only_data_folder_is_one_line_with_the_fix(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    done = run_gemgate(tmp_path, {"DATA_DIR": str(data)}, wrapper=read_only_wrapper(data))
    line = only_line(done)
    assert done.returncode == 1
    assert line == (f"Gemgate cannot start: The data folder {data} is not writable. If Gemgate runs in a container, "
                    "check that the volume is mounted there and writable by the app's user.")
    assert not any(data.iterdir())


def test_read_only_existing_database_is_one_line_with_the_fix(tmp_path):
    """A volume that holds last week's database but is mounted read-only today."""
    data = tmp_path / "data"
    gateway = Gateway(tmp_path, {"DATA_DIR": str(data)})
    gateway.stop()
    assert (data / "default_db").is_file()
    done = run_gemgate(tmp_path, {"DATA_DIR": str(data)}, wrapper=read_only_wrapper(data))
    line = only_line(done)
    assert done.returncode == 1 and line.startswith("Gemgate cannot start: The data folder")
    assert "volume is mounted" in line


@pytest.mark.parametrize("host", ["127.0.0.1", "mysql.invalid"])
def test_unreachable_mysql_names_the_host_and_the_error(tmp_path, host):
    port = free_port()  # nothing listens there
    done = run_gemgate(tmp_path, {"DATABASE_TYPE": "mysql", "MYSQL_HOST": host, "MYSQL_PORT": str(port),
                                  "MYSQL_USER": "gemgate", "MYSQL_PASSWORD": "hunter2-secret",
                                  "MYSQL_DATABASE": "gemgate"})
    line = only_line(done)
    assert done.returncode == 1
    assert line.startswith(f"Gemgate cannot start: Cannot reach MySQL at {host}:{port}: ")
    assert ("Unknown server host" in line) if host.endswith(".invalid") else ("Can't connect" in line)
    assert "Check MYSQL_HOST and MYSQL_PORT" in line
    assert "hunter2-secret" not in line


def test_unreachable_postgres_names_the_host(tmp_path):
    port = free_port()
    done = run_gemgate(tmp_path, {"DATABASE_TYPE": "postgres", "POSTGRES_HOST": "127.0.0.1", "POSTGRES_PORT": str(port),
                                  "POSTGRES_USER": "gemgate", "POSTGRES_PASSWORD": "hunter2-secret",
                                  "POSTGRES_DATABASE": "gemgate"})
    line = only_line(done)
    assert done.returncode == 1
    assert line.startswith("Gemgate cannot start:") and f"127.0.0.1:{port}" in line
    assert "hunter2-secret" not in line


def test_mysql_without_its_variables_says_which_one(tmp_path):
    done = run_gemgate(tmp_path, {"DATABASE_TYPE": "mysql"})
    assert done.returncode == 1
    assert only_line(done).startswith("Gemgate cannot start: MYSQL_HOST is not set")


# ---------------------------------------------------------------- banner on a second start


def admin_token_lets_in(gateway: Gateway, token: str) -> bool:
    """The panel's login once the panel is there; the admin token is also the super token on
    every proxy route, which is what this checks until then."""
    status, headers, _ = http_json("GET", gateway.url + "/")
    if status == 200 and headers.get("Content-Type", "").startswith("text/html"):
        body = urllib.parse.urlencode({"auth_token": token}).encode()
        request = urllib.request.Request(gateway.url + "/auth", data=body, method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        try:
            with urllib.request.build_opener(NoRedirect).open(request, timeout=10) as response:
                status, cookies = response.status, response.headers.get_all("Set-Cookie") or []
        except urllib.error.HTTPError as error:
            status, cookies = error.code, error.headers.get_all("Set-Cookie") or []
        return status in (302, 303) and any(cookie.startswith("gemgate_session=") for cookie in cookies)
    status, _, _ = http_json("POST", gateway.url + "/v1beta/models/gemini-2.5-flash:generateContent",
                             {"contents": [{"role": "user", "parts": [{"text": "hi"}]}]},
                             headers={"x-goog-api-key": token, "Content-Type": "application/json"})
    return status == 200


def test_changed_auth_token_is_named_with_both_ways_to_apply_it(tmp_path, fake):
    key = make_key("deploy-auth-token")
    env = {"API_KEYS": json.dumps([key]), "ALLOWED_TOKENS": '["sk-client"]', "BASE_URL": fake.base_url,
           "AUTH_TOKEN": "sk-admin-first"}
    gateway = Gateway(tmp_path, env)
    try:
        assert "AUTH_TOKEN in the environment differs" not in gateway.process.output()

        # The owner edits AUTH_TOKEN in the platform's form and redeploys: the database still wins.
        gateway.restart({"AUTH_TOKEN": "sk-admin-second"})
        banner = gateway.process.output()
        assert "AUTH_TOKEN in the environment differs from the admin token stored in the database" in banner
        assert "ENV_OVERRIDES_DATABASE=true" in banner
        assert "gemgate admin reset-token" in banner
        assert "sk-admin-second" not in banner and "sk-admin-first" not in banner
        assert admin_token_lets_in(gateway, "sk-admin-first")
        assert not admin_token_lets_in(gateway, "sk-admin-second")
        gateway.stop()

        # The way out the banner names: reset-token on the same database, then start again.
        done = run_gemgate(tmp_path, {"DATA_DIR": str(tmp_path / "data")},
                           args=["admin", "reset-token", "--token", "sk-admin-second"])
        assert done.returncode == 0, done.stdout + done.stderr
        assert "sk-admin-second" in done.stdout
        gateway.start({"AUTH_TOKEN": "sk-admin-second"})
        assert "AUTH_TOKEN in the environment differs" not in gateway.process.output()
        assert admin_token_lets_in(gateway, "sk-admin-second")
        assert not admin_token_lets_in(gateway, "sk-admin-first")
    finally:
        gateway.stop()


def test_reset_token_without_a_value_prints_a_new_one_that_works(tmp_path, fake):
    env = {"API_KEYS": json.dumps([make_key("deploy-reset")]), "BASE_URL": fake.base_url}
    gateway = Gateway(tmp_path, env)
    first = re.search(r"^\s+(gg-admin-\S+)\s*$", gateway.process.output(), re.MULTILINE).group(1)
    gateway.stop()
    done = run_gemgate(tmp_path, {"DATA_DIR": str(tmp_path / "data")}, args=["admin", "reset-token"])
    assert done.returncode == 0, done.stdout + done.stderr
    token = re.search(r"^\s+(gg-admin-\S+)\s*$", done.stdout, re.MULTILINE).group(1)
    assert token != first
    gateway.start()
    try:
        assert admin_token_lets_in(gateway, token)
        assert not admin_token_lets_in(gateway, first)
    finally:
        gateway.stop()


def test_env_overrides_database_applies_the_environment_and_says_to_remove_it(tmp_path, fake):
    env = {"API_KEYS": json.dumps([make_key("deploy-override")]), "BASE_URL": fake.base_url,
           "AUTH_TOKEN": "sk-admin-old", "MAX_FAILURES": "3"}
    gateway = Gateway(tmp_path, env)
    try:
        gateway.restart({"AUTH_TOKEN": "sk-admin-new", "MAX_FAILURES": "7"})
        banner = gateway.process.output()
        assert "MAX_FAILURES in the environment differs from the database" in banner
        gateway.restart({"AUTH_TOKEN": "sk-admin-new", "MAX_FAILURES": "7", "ENV_OVERRIDES_DATABASE": "true"})
        banner = gateway.process.output()
        assert "differs" not in banner
        assert "ENV_OVERRIDES_DATABASE=true, so the environment's values replaced the stored ones" in banner
        assert admin_token_lets_in(gateway, "sk-admin-new")
    finally:
        gateway.stop()


def test_no_keys_yet_says_to_open_the_panel(tmp_path):
    gateway = Gateway(tmp_path, {"API_KEYS": '[""]', "ALLOWED_TOKENS": '[""]', "AUTH_TOKEN": ""})
    try:
        banner = gateway.process.output()
        assert "No Gemini API keys yet: open the admin panel" in banner
        assert re.search(r"^\s+gg-admin-\S+\s*$", banner, re.MULTILINE)
    finally:
        gateway.stop()


# --------------------------------------------------------------------------- config check


def test_config_check_accepts_the_guide_block_without_creating_anything(tmp_path):
    done = run_gemgate(tmp_path, dict(GUIDE_ENVIRONMENT), args=["config", "check"])
    assert done.returncode == 0, done.stdout
    assert "The configuration is valid." in done.stdout
    assert "a new database: the first start creates it" in done.stdout
    assert "generate an admin token" in done.stdout
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize("env, expected", [
    ({"MAX_RETRIES": "abc"}, "✗ MAX_RETRIES:"),
    ({"MAX_FAILURES": "0"}, "✗ MAX_FAILURES:"),
    ({"BALANCE_STRATEGY": "fastest"}, "✗ BALANCE_STRATEGY:"),
    ({"PORT": "99999"}, "✗ PORT must be a number between 1 and 65535"),
    ({"DATABASE_TYPE": "oracle"}, "✗ DATABASE_TYPE=oracle is not a database Gemgate knows."),
    ({"DATABASE_TYPE": "mysql", "MYSQL_USER": "u", "MYSQL_DATABASE": "d"}, "✗ MYSQL_HOST is not set"),
    ({"DATABASE_TYPE": "mysql", "MYSQL_HOST": "db", "MYSQL_PORT": "port", "MYSQL_USER": "u", "MYSQL_DATABASE": "d"},
     "MYSQL_PORT must be a port number"),
    ({"DATABASE_TYPE": "postgres"}, "✗ "),
])
def test_config_check_names_what_is_wrong(tmp_path, env, expected):
    done = run_gemgate(tmp_path, env, args=["config", "check"])
    assert done.returncode == 1, done.stdout
    assert expected in done.stdout, done.stdout
    assert "The configuration is valid." not in done.stdout


def test_config_check_finds_a_data_folder_it_cannot_write(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    done = run_gemgate(tmp_path, {"DATA_DIR": str(data)}, args=["config", "check"], wrapper=read_only_wrapper(data))
    assert done.returncode == 1
    assert f"✗ The data folder {data} is not writable." in done.stdout


def test_config_check_accepts_a_complete_mysql_block_without_connecting(tmp_path):
    done = run_gemgate(tmp_path, {"DATABASE_TYPE": "mysql", "MYSQL_HOST": "mysql.invalid", "MYSQL_USER": "u",
                                  "MYSQL_PASSWORD": "hunter2-secret", "MYSQL_DATABASE": "gemgate"},
                       args=["config", "check"])
    assert done.returncode == 0, done.stdout
    assert "mysql.invalid" in done.stdout and "hunter2-secret" not in done.stdout


# ---------------------------------------------------------------------------- healthcheck


def test_healthcheck_follows_the_gateways_port(tmp_path, fake):
    """The image's HEALTHCHECK runs `gemgate healthcheck` with the container's environment, so it
    must find the gateway on PORT (7860 on Hugging Face) and fail plainly when nothing answers."""
    gateway = Gateway(tmp_path, {"API_KEYS": json.dumps([make_key("deploy-health")]), "BASE_URL": fake.base_url})
    try:
        done = run_gemgate(tmp_path, {"HOST": "0.0.0.0", "PORT": str(gateway.port)}, args=["healthcheck"])
        assert done.returncode == 0, done.stdout
        assert done.stdout.strip() == f"healthy: http://127.0.0.1:{gateway.port}/health answered 200"
    finally:
        gateway.stop()
    done = run_gemgate(tmp_path, {"PORT": str(gateway.port)}, args=["healthcheck", "--timeout", "2"])
    assert done.returncode == 1
    assert done.stdout.startswith(f"unhealthy: http://127.0.0.1:{gateway.port}/health: cannot connect")
