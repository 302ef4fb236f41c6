"""Issue 5 item 8: the database server stops in the middle of a load of requests. No request
fails because of it (settings and keys are in memory, logs wait in a buffer); when the server is
back, the buffered logs arrive, every one of them.

Each test starts its own throwaway server (the start scripts, on a free port, with a data
folder it keeps) so that stopping it disturbs nothing else."""

import json
import os
import pathlib
import shutil
import subprocess
import tempfile
import threading
import time

import pytest

from conftest import Gateway, free_port, http_json, make_key
from test_legacy_database import mysql_environment, mysql_run, postgres_run

ROOT = pathlib.Path(__file__).resolve().parents[2]
TOKEN = "sk-outage"


class Server:
    """A MariaDB or PostgreSQL started by scripts/db, stoppable and restartable on its data."""

    def __init__(self, kind: str, base: pathlib.Path):
        self.kind = kind
        self.base = base
        self.port = free_port()
        prefix = "MDB" if kind == "mysql" else "PG"
        self.env = dict(os.environ, **{f"{prefix}_PORT": str(self.port), f"{prefix}_BASE": str(base),
                                       f"{prefix}_TLS": "0", f"{prefix}_KEEP": "1"})
        self.script = "mariadb" if kind == "mysql" else "postgres"
        self.url = None

    def start(self):
        result = subprocess.run([str(ROOT / "scripts/db" / f"{self.script}-start.sh")], env=self.env,
                                capture_output=True, text=True, timeout=180)
        assert result.returncode == 0, result.stderr
        self.url = result.stdout.strip().splitlines()[-1]

    def stop(self):
        subprocess.run([str(ROOT / "scripts/db" / f"{self.script}-stop.sh")], env=self.env, capture_output=True, timeout=120)

    def remove(self):
        self.stop()
        shutil.rmtree(self.base, ignore_errors=True)

    def gateway_environment(self) -> dict:
        if self.kind == "mysql":
            return mysql_environment(self.url, "gemgate")
        return {"DATABASE_TYPE": "postgres", "DATABASE_URL": self.url}

    def count_request_logs(self) -> int:
        if self.kind == "mysql":
            return int(mysql_run(self.url, "SELECT COUNT(*) FROM t_request_log")[0][0])
        return int(postgres_run(self.url, "SELECT COUNT(*) FROM t_request_log")[0][0])


class Load:
    """Threads sending requests until stopped (or a bound is reached), keeping every status."""

    def __init__(self, url: str, threads: int = 4, limit_per_thread: int = 3000):
        self.url = url + "/v1beta/models/gemini-2.5-flash:generateContent"
        self.statuses: list[int] = []
        self.failures: list[str] = []
        self.lock = threading.Lock()
        self.running = True
        self.threads = [threading.Thread(target=self.run, args=(limit_per_thread,)) for _ in range(threads)]

    def run(self, limit: int):
        body = {"contents": [{"role": "user", "parts": [{"text": "outage"}]}]}
        for _ in range(limit):
            if not self.running:
                return
            status, _, answer = http_json("POST", self.url, body, {"x-goog-api-key": TOKEN}, timeout=30)
            with self.lock:
                self.statuses.append(status)
                if status != 200:
                    self.failures.append(f"{status}: {str(answer)[:200]}")

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.running = False
        for thread in self.threads:
            thread.join(60)

    @property
    def count(self) -> int:
        with self.lock:
            return len(self.statuses)


@pytest.mark.parametrize("kind", ["mysql", "postgres"])
def test_requests_go_on_while_the_database_is_away_and_logs_arrive_after(tmp_path, fake, kind):
    # Directly under the temporary folder: as root, PostgreSQL runs as its own user, which
    # cannot enter pytest's private folders.
    server = Server(kind, pathlib.Path(tempfile.mkdtemp(prefix=f"gemgate-outage-{kind}-")))
    server.start()
    gateway = None
    try:
        env = server.gateway_environment()
        env.update({"API_KEYS": json.dumps([make_key(f"outage-{i}") for i in range(3)]),
                    "ALLOWED_TOKENS": json.dumps([TOKEN]), "BASE_URL": fake.base_url, "CHECK_INTERVAL_HOURS": "0"})
        gateway = Gateway(tmp_path, env, name=f"outage-{kind}")
        with Load(gateway.url) as load:
            time.sleep(2)
            assert load.count > 0
            server.stop()
            stopped_at = load.count
            # Longer than the gateway takes to call it an outage (a heartbeat every 3 s that
            # must answer within 4 s).
            time.sleep(10)
            during = load.count - stopped_at
            server.start()
            time.sleep(3)
        assert during > 0, "no request was served while the database was away"
        assert load.failures == [], load.failures[:5]
        total = load.count

        # Every request made one upstream attempt and so one log row; none was dropped.
        deadline = time.time() + 40
        logged = -1
        while time.time() < deadline:
            try:
                logged = server.count_request_logs()
            except subprocess.CalledProcessError:
                logged = -1
            if logged == total:
                break
            time.sleep(0.5)
        # A statement sent as the server went away may never be answered (postgres-nio); the log
        # writer gives such a write up after 20 s and writes the batch again.
        assert logged == total, f"{logged} log rows for {total} requests"
        output = gateway.process.output()
        assert "The database does not answer" in output
        assert "The database answers again" in output
        print(f"outage[{kind}]: {total} requests, {during} while the database was away, all logged after it came back")
    finally:
        if gateway:
            gateway.stop()
        server.remove()
