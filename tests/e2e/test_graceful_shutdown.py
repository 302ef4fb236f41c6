"""Issue 2: on SIGTERM Gemgate stops accepting, lets open streams finish, and flushes its logs."""

import signal
import sqlite3
import threading
import time
import urllib.request

from conftest import make_key

TOKEN = "sk-shutdown-token"


def test_sigterm_lets_open_stream_finish_and_flushes_logs(gateway_factory, fake, tmp_path):
    slow = make_key("shutdown-slow")
    fake.script({slow: {"slow": {"firstEventDelayMs": 100, "eventIntervalMs": 500, "events": 6}}})
    gateway = gateway_factory([slow], tokens=[TOKEN])
    request = urllib.request.Request(
        gateway.url + "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
        data=b'{"contents":[{"role":"user","parts":[{"text":"a long answer please"}]}]}',
        headers={"Content-Type": "application/json", "x-goog-api-key": TOKEN},
        method="POST",
    )
    received = []
    first_event = threading.Event()

    def read_stream():
        with urllib.request.urlopen(request, timeout=30) as response:
            for line in response:
                if line.startswith(b"data: "):
                    received.append(line)
                    first_event.set()

    reader = threading.Thread(target=read_stream)
    reader.start()
    assert first_event.wait(10)
    gateway.process.proc.send_signal(signal.SIGTERM)
    started = time.monotonic()

    # New connections are refused while the open stream finishes.
    time.sleep(0.3)
    try:
        urllib.request.urlopen(gateway.url + "/health", timeout=2)
        refused = False
    except Exception:
        refused = True
    assert refused

    reader.join(20)
    assert not reader.is_alive()
    assert len(received) == 6 and b"finishReason" in received[-1]
    assert gateway.process.proc.wait(30) == 0
    assert time.monotonic() - started < 25

    # The stream's request-log row was written before the process ended.
    database = sqlite3.connect(tmp_path / "data" / "default_db")
    rows = database.execute("SELECT api_key, is_success, status_code FROM t_request_log").fetchall()
    assert (slow, 1, 200) in rows
