"""Issue 6, item 6: Gemgate behind what users put in front of it.

- Chat clients build URLs from a base URL the user types, with or without a trailing slash; a
  Cherry-Studio-shaped sequence (model list, then a streamed chat) must work either way.
- Behind nginx as Debian ships it (proxy buffering on), a stream's events must reach the client
  as they happen, not when the upstream finishes: the gateway sends `X-Accel-Buffering: no`.
  (Measured: with nothing else configured, nginx 1.22 already passes small events on while
  buffering; the header matters as soon as something buffers the body, such as gzip switched on
  for event streams, which many configurations do. A control location that ignores the header
  shows that case holding every event until the upstream is done.)
- A slow first token must not look like a dead upstream to a proxy that gives up on the first
  byte (Cloudflare: 100 s): the headers and keep-alives go out early."""

import http.client
import json
import urllib.request
import pathlib
import shutil
import socket
import subprocess
import time
import urllib.parse

import pytest
from openai import OpenAI

from conftest import ROOT, free_port, http_json, make_key

TOKEN = "sk-e2e-proxy-token"
CHERRY_BODY = json.loads((ROOT / "tests" / "e2e" / "fixtures" / "cherry-studio.json").read_text())


def cherry_body(model: str) -> dict:
    body = {k: v for k, v in CHERRY_BODY.items() if not k.startswith("_")}
    body["model"] = model
    return body


def stream_events(url: str, body: dict, token: str = TOKEN, timeout: float = 30, gzip: bool = False) -> tuple:
    """POSTs a streaming request and reads the answer as it comes. Returns (status, headers,
    seconds to the headers, [(seconds, line)] for every non-empty line, [seconds] for every
    chunk of body bytes). With `gzip`, the client accepts gzip and lines are not parsed."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}", "Accept": "text/event-stream"}
    if gzip:
        headers["Accept-Encoding"] = "gzip"
    started = time.monotonic()
    connection.request("POST", path, body=json.dumps(body), headers=headers)
    response = connection.getresponse()
    headers_at = time.monotonic() - started
    lines, chunks, pending = [], [], b""
    while chunk := response.read1(65536):
        at = time.monotonic() - started
        chunks.append(at)
        if gzip:
            continue
        pending += chunk
        *complete, pending = pending.split(b"\n")
        lines += [(at, line.decode().strip()) for line in complete if line.strip()]
    connection.close()
    return response.status, dict(response.headers), headers_at, lines, chunks


# ------------------------------------------------------------------ base URLs as typed


def cherry_urls(typed: str, style: str) -> tuple:
    """The model-list and chat URLs a client derives from the base URL the user typed.

    - `cherry`: Cherry Studio since 2025: trailing slashes stripped, `/v1` appended unless the
      URL already has a version.
    - `cherry-legacy`: Cherry Studio before that: a trailing `/` meant "use as it is" (no `/v1`).
    - `naive`: a hand-made client that glues `/v1/...` onto whatever was typed (`//v1/models`)."""
    if style == "cherry":
        base = typed.rstrip("/") + "/v1"
        return base + "/models", base + "/chat/completions"
    if style == "cherry-legacy":
        base = typed if typed.endswith("/") else typed + "/v1/"
        return base + "models", base + "chat/completions"
    return typed + "/v1/models", typed + "/v1/chat/completions"


@pytest.mark.parametrize("trailing_slash", [False, True], ids=["no-slash", "slash"])
@pytest.mark.parametrize("style", ["cherry", "cherry-legacy", "naive"])
def test_cherry_studio_sequence_with_and_without_trailing_slash(gateway_factory, fake, style, trailing_slash):
    key = make_key(f"proxy-cherry-{style}-{trailing_slash}")
    gateway = gateway_factory([key], tokens=[TOKEN])
    typed = gateway.url + ("/" if trailing_slash else "")
    models_url, chat_url = cherry_urls(typed, style)

    status, _, listing = http_json("GET", models_url, headers={"Authorization": f"Bearer {TOKEN}"})
    assert status == 200, (models_url, listing)
    names = [entry["id"] for entry in listing["data"]]
    assert "gemini-2.5-flash" in names

    status, headers, _, lines, _ = stream_events(chat_url, cherry_body("gemini-2.5-flash"))
    assert status == 200, (chat_url, lines)
    assert headers["Content-Type"].startswith("text/event-stream")
    payloads = [line[5:].strip() for _, line in lines if line.startswith("data:")]
    assert payloads[-1] == "[DONE]"
    text = "".join(choice["delta"].get("content") or ""
                   for payload in payloads[:-1] for choice in json.loads(payload).get("choices", []))
    assert text, payloads


@pytest.mark.parametrize("suffix", ["/v1", "/v1/"])
def test_openai_sdk_base_url_with_and_without_trailing_slash(gateway_factory, fake, suffix):
    """The SDK joins paths itself (it never produces `//`); both spellings must work."""
    gateway = gateway_factory([make_key("proxy-sdk" + suffix)], tokens=[TOKEN])
    client = OpenAI(api_key=TOKEN, base_url=gateway.url + suffix, max_retries=0, timeout=30)
    assert "gemini-2.5-flash" in [model.id for model in client.models.list()]
    stream = client.chat.completions.create(model="gemini-2.5-flash", stream=True,
                                            messages=[{"role": "user", "content": "hello"}])
    assert "".join(chunk.choices[0].delta.content or "" for chunk in stream if chunk.choices)


# -------------------------------------------------------------------------------- nginx


NGINX_CONFIG = """
# A throwaway nginx as Debian ships it: proxy buffering on (the default), HTTP/1.0 to upstream.
daemon off;
master_process off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log info;
events {{ worker_connections 64; }}
http {{
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    server {{
        listen 127.0.0.1:{port};
        # What guides tell users to write: nothing about buffering.
        location / {{
            proxy_pass http://127.0.0.1:{upstream};
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
        }}
        # TLS ends at this proxy (as behind Cloudflare or a certificate on nginx).
        location /tls/ {{
            proxy_pass http://127.0.0.1:{upstream}/;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto https;
        }}
        # Also common: compression switched on for every text type, event streams included.
        location /gzip/ {{
            gzip on;
            gzip_types text/event-stream;
            gzip_min_length 1;
            proxy_pass http://127.0.0.1:{upstream}/;
        }}
        # Control: the same, deaf to X-Accel-Buffering, so buffering shows.
        location /gzip-buffered/ {{
            gzip on;
            gzip_types text/event-stream;
            gzip_min_length 1;
            proxy_ignore_headers X-Accel-Buffering;
            proxy_pass http://127.0.0.1:{upstream}/;
        }}
    }}
}}
"""


@pytest.fixture
def nginx(tmp_path):
    """Starts nginx in front of a gateway port given later; stops it after the test."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not pathlib.Path(binary).exists():
        pytest.fail("nginx is missing: scripts/setup/system-packages.sh test installs nginx-light")
    started = []

    def start(upstream_port: int) -> str:
        prefix = tmp_path / "nginx"
        prefix.mkdir()
        port = free_port()
        config = prefix / "nginx.conf"
        config.write_text(NGINX_CONFIG.format(prefix=prefix, port=port, upstream=upstream_port))
        process = subprocess.Popen([binary, "-p", str(prefix), "-c", str(config), "-e", str(prefix / "error.log")],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        started.append(process)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            assert process.poll() is None, process.stderr.read().decode()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return f"http://127.0.0.1:{port}"
            except OSError:
                time.sleep(0.05)
        raise TimeoutError("nginx did not start")

    yield start
    for process in started:
        process.terminate()
        process.wait(10)


SLOW = {"slow": {"firstEventDelayMs": 100, "eventIntervalMs": 700, "events": 5}}
# The upstream's last event leaves about 100 + 4 × 700 ms after the request.
UPSTREAM_DONE_AFTER = 2.9

STREAMS = {
    "openai": ("/v1/chat/completions",
               {"model": "gemini-2.5-flash", "stream": True, "messages": [{"role": "user", "content": "count slowly"}]}),
    "gemini": ("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
               {"contents": [{"role": "user", "parts": [{"text": "count slowly"}]}]}),
}


def data_times(lines) -> list:
    return [at for at, line in lines if line.startswith("data:") and line != "data: [DONE]"]


@pytest.mark.parametrize("api", sorted(STREAMS))
def test_stream_is_not_buffered_by_nginx(gateway_factory, fake, nginx, api):
    key = make_key("proxy-nginx-" + api)
    fake.script({key: SLOW})
    gateway = gateway_factory([key], tokens=[TOKEN])
    front = nginx(gateway.port)
    path, body = STREAMS[api]

    status, headers, _, lines, _ = stream_events(front + path, body)
    assert status == 200, lines
    assert headers.get("X-Accel-Buffering") is None  # nginx consumes the header
    times = data_times(lines)
    assert len(times) >= 5, lines
    # The first event is at the client long before the upstream has finished, and the events
    # arrive spread out as they were sent.
    assert times[0] < 1.2, times
    assert times[-1] > UPSTREAM_DONE_AFTER - 0.3, times
    assert times[-1] - times[0] > 2.0, times

    # With gzip on for event streams, X-Accel-Buffering still makes nginx flush each event.
    status, headers, _, _, chunks = stream_events(front + "/gzip" + path, body, gzip=True)
    assert status == 200 and headers.get("Content-Encoding") == "gzip"
    assert chunks[0] < 1.2 and chunks[-1] - chunks[0] > 2.0, chunks

    # Control: the same location deaf to the header holds everything until the upstream is done,
    # so the test above would see buffering.
    status, _, _, _, chunks = stream_events(front + "/gzip-buffered" + path, body, gzip=True)
    assert status == 200
    assert chunks[0] > UPSTREAM_DONE_AFTER - 0.3, chunks


def test_slow_first_token_commits_headers_early_through_nginx(gateway_factory, fake, nginx):
    """Cloudflare answers 524 when no response has come from the origin in 100 s. While the
    model thinks, the gateway sends the headers after STREAM_KEEPALIVE_SECONDS (1 s here) and
    then a keep-alive comment every 15 s, so the proxy sees an answer long before its limit."""
    key = make_key("proxy-keepalive")
    fake.script({key: {"slow": {"firstEventDelayMs": 3500, "eventIntervalMs": 0, "events": 2}}})
    gateway = gateway_factory([key], tokens=[TOKEN], env={"STREAM_KEEPALIVE_SECONDS": "1"})
    front = nginx(gateway.port)
    path, body = STREAMS["openai"]

    status, _, headers_at, lines, _ = stream_events(front + path, body)
    assert status == 200
    assert 0.8 < headers_at < 2.5, headers_at
    assert data_times(lines)[0] > 3.0, lines
    assert lines[-1][1] == "data: [DONE]"


# ------------------------------------------------------------- trusted proxies (panel login)


def login_cookie(url: str, token: str, headers: dict | None = None) -> str:
    """POSTs the panel's login form; returns the session's Set-Cookie header ('' if none)."""
    request = urllib.request.Request(url + "/auth", data=urllib.parse.urlencode({"auth_token": token}).encode(),
                                     method="POST", headers={"Content-Type": "application/x-www-form-urlencoded",
                                                             **(headers or {})})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=10) as response:
            cookies = response.headers.get_all("Set-Cookie") or []
    except urllib.error.HTTPError as error:
        cookies = error.headers.get_all("Set-Cookie") or []
    return next((cookie for cookie in cookies if cookie.startswith("gemgate_session=")), "")


@pytest.mark.parametrize("trusted", [True, False], ids=["trusted-proxy", "untrusted-proxy"])
def test_https_at_the_proxy_gives_a_secure_session_cookie_only_from_a_trusted_proxy(gateway_factory, fake, nginx,
                                                                                     trusted):
    """X-Forwarded-Proto is believed only from TRUSTED_PROXIES: behind a trusted proxy that ends
    TLS the session cookie is Secure; from anyone else the header changes nothing."""
    admin = "sk-admin-behind-proxy"
    gateway = gateway_factory([make_key("proxy-secure-cookie")], tokens=[TOKEN],
                              env={"AUTH_TOKEN": admin, "TRUSTED_PROXIES": '["127.0.0.1"]' if trusted else "[]"})
    front = nginx(gateway.port)

    through_proxy = login_cookie(front + "/tls", admin)
    assert through_proxy, "the login through the proxy must open a session"
    assert ("Secure" in through_proxy) == trusted, through_proxy
    if not trusted:
        # A client talking to Gemgate directly cannot claim HTTPS for itself either. (With the
        # loopback trusted, this test's own client would count as the proxy, so only here.)
        direct = login_cookie(gateway.url, admin, headers={"X-Forwarded-Proto": "https"})
        assert direct and "Secure" not in direct, direct
