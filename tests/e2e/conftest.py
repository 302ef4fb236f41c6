"""Shared fixtures for the end-to-end tests: they run the real `gemgate` binary against the
`fake-gemini` upstream, both built by `swift build`, and drive them with the official SDKs."""

import json
import os
import pathlib
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.request

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BUILD = pathlib.Path(os.environ.get("GEMGATE_BUILD_DIR", ROOT / ".build" / "debug"))
GEMGATE_BIN = pathlib.Path(os.environ.get("GEMGATE_BIN", BUILD / "gemgate"))
FAKE_BIN = pathlib.Path(os.environ.get("FAKE_GEMINI_BIN", BUILD / "fake-gemini"))

# The environment block of the deployment guides (docs/*/clawcloud-run.md), exactly as users
# paste it: placeholders everywhere, so the first start generates an admin token.
GUIDE_ENVIRONMENT = {
    "DATABASE_TYPE": "sqlite",
    "SQLITE_DATABASE": "default_db",
    "API_KEYS": '[""]',
    "ALLOWED_TOKENS": '[""]',
    "AUTH_TOKEN": "",
    "TZ": "Asia/Shanghai",
}
# The admin token a first start generates, on a line of its own in the start-up banner.
GENERATED_ADMIN_TOKEN = re.compile(r"^\s+(gg-admin-[A-Za-z0-9]{32})\s*$", re.MULTILINE)


# Keys the fake accepts by default (it treats anything starting with AIza as valid).
def make_key(label: str) -> str:
    """A realistic-looking key: AIza + 35 characters, unique per label."""
    body = (label.replace("-", "_") + "_" * 35)[:31]
    return "AIza" + body + f"{abs(hash(label)) % 10000:04d}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Process:
    """A child process whose combined output is captured to a file and watched for a line."""

    def __init__(self, args, env, log_path: pathlib.Path, cwd=None):
        self.log_path = log_path
        self.log_file = open(log_path, "w")
        self.proc = subprocess.Popen(
            [str(a) for a in args], env=env, cwd=cwd, stdout=self.log_file, stderr=subprocess.STDOUT
        )

    def output(self) -> str:
        self.log_file.flush()
        return self.log_path.read_text(errors="replace")

    def wait_for(self, pattern: str, timeout: float = 30) -> re.Match:
        deadline = time.time() + timeout
        while time.time() < deadline:
            match = re.search(pattern, self.output())
            if match:
                return match
            if self.proc.poll() is not None:
                raise RuntimeError(f"process exited ({self.proc.returncode}):\n{self.output()}")
            time.sleep(0.05)
        raise TimeoutError(f"no {pattern!r} within {timeout}s:\n{self.output()}")

    def stop(self, timeout: float = 30) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log_file.close()
        return self.proc.returncode


class FakeGemini:
    def __init__(self, tmp: pathlib.Path):
        self.process = Process([FAKE_BIN, "--host", "127.0.0.1", "--port", "0"], dict(os.environ), tmp / "fake.log")
        match = self.process.wait_for(r"fake-gemini listening on (http://[\d.]+:\d+)")
        self.url = match.group(1)
        self.base_url = self.url + "/v1beta"

    def _post(self, path: str, payload) -> bytes:
        request = urllib.request.Request(
            self.url + path, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}, method="POST"
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.read()

    def script(self, behaviours: dict):
        """Sets per-key behaviours, e.g. {key: "invalidKey"} or {key: {"quotaPerMinute": {...}}}."""
        self._post("/_fake/keys", behaviours)

    def reset(self):
        self._post("/_fake/reset", {})

    def requests(self, since: int | None = None) -> list:
        """Recorded upstream requests, oldest first; with `since`, only those after that id.
        The fake keeps the last few thousand, so count new requests with `mark()`/`since`,
        never by slicing the whole list."""
        query = f"?since={since}" if since is not None else ""
        with urllib.request.urlopen(self.url + "/_fake/requests" + query, timeout=10) as response:
            return json.loads(response.read())

    def mark(self) -> int:
        """The id of the newest recorded request (0 when none): pass it to `requests(since=)`."""
        recorded = self.requests()
        return recorded[-1]["id"] if recorded else 0

    def stop(self):
        self.process.stop()


class Gateway:
    """One gemgate process with its own data folder and port."""

    def __init__(self, tmp: pathlib.Path, env: dict, name: str = "gemgate", port: int | None = None, binary=None,
                 set_data_dir: bool = True, autostart: bool = True):
        self.tmp = tmp
        self.port = port or free_port()
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("API_KEYS", "ALLOWED_TOKENS", "AUTH_TOKEN"))}
        self.env.update({"HOST": "127.0.0.1", "PORT": str(self.port), "SWIFT_BACKTRACE": "enable=no"})
        self.env.pop("DATA_DIR", None)
        if set_data_dir:
            self.env["DATA_DIR"] = str(tmp / "data")
        self.env.update(env)
        self.name = name
        self.binary = binary or GEMGATE_BIN
        self.url = f"http://127.0.0.1:{self.port}"
        self.runs = 0
        self.process = None
        if autostart:
            self.start()

    def start(self, extra_env: dict | None = None):
        env = dict(self.env)
        env.update(extra_env or {})
        self.runs += 1
        self.process = Process([self.binary], env, self.tmp / f"{self.name}-{self.runs}.log", cwd=self.tmp)
        self.wait_healthy()

    def wait_healthy(self, timeout: float = 30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.proc.poll() is not None:
                raise RuntimeError(f"gemgate exited ({self.process.proc.returncode}):\n{self.process.output()}")
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=1) as response:
                    if response.status == 200:
                        return
            except Exception:
                time.sleep(0.05)
        raise TimeoutError(f"gemgate not healthy in {timeout}s:\n{self.process.output()}")

    def restart(self, extra_env: dict | None = None):
        self.stop()
        self.start(extra_env)

    def stop(self) -> int:
        return self.process.stop() if self.process else 0

    def all_output(self) -> str:
        return "".join(p.read_text(errors="replace") for p in sorted(self.tmp.glob(f"{self.name}-*.log")))


@pytest.fixture(scope="session")
def fake(tmp_path_factory):
    instance = FakeGemini(tmp_path_factory.mktemp("fake"))
    yield instance
    instance.stop()


@pytest.fixture
def gateway_factory(tmp_path, fake):
    """Starts gateways pointed at the fake; stops them after the test."""
    started = []

    def start(keys, tokens=("sk-test-token-1",), env=None, name="gemgate"):
        settings = {
            "API_KEYS": json.dumps(list(keys)),
            "ALLOWED_TOKENS": json.dumps(list(tokens)),
            "BASE_URL": fake.base_url,
            "CHECK_INTERVAL_HOURS": "0",
        }
        settings.update(env or {})
        gateway = Gateway(tmp_path, settings, name=name)
        started.append(gateway)
        return gateway

    yield start
    for gateway in started:
        gateway.stop()


@pytest.fixture
def driver():
    """A headless Chromium for the panel tests (tests/e2e/panel/browser.py), closed after the test."""
    from panel.browser import make_driver  # Selenium only where a test asks for a browser

    browser = make_driver()
    yield browser
    browser.quit()


def http_json(method: str, url: str, body=None, headers=None, timeout: float = 30):
    """A small HTTP helper that returns (status, headers, parsed JSON or text) without raising."""
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None and "Content-Type" not in (headers or {}):
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
            status, response_headers = response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        raw, status, response_headers = error.read(), error.code, dict(error.headers)
    try:
        return status, response_headers, json.loads(raw)
    except ValueError:
        return status, response_headers, raw.decode(errors="replace")
