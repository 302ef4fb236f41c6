"""Issue 3, item 6: image URLs pointing at loopback or private addresses are refused with 400
before anything is fetched."""

import http.server
import threading
import time

import openai
import pytest

from conftest import make_key
from fixtures.openai_helpers import TOKEN, openai_client, upstream_calls


class CountingServer:
    """A web server on 127.0.0.1 that serves a PNG and counts every request it gets."""

    def __init__(self):
        self.hits = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                server.hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.end_headers()
                self.wfile.write(b"\x89PNG\r\n\x1a\n")

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def origin():
    server = CountingServer()
    yield server
    server.stop()


def ask_about(client, url):
    return client.chat.completions.create(model="gemini-2.5-flash", messages=[{"role": "user", "content": [
        {"type": "text", "text": "describe"}, {"type": "image_url", "image_url": {"url": url}},
    ]}])


def test_loopback_and_private_image_urls_are_refused_unfetched(gateway_factory, fake, origin):
    key = make_key("oa-ssrf")
    gateway = gateway_factory([key], tokens=[TOKEN])
    client = openai_client(gateway, "/v1")
    urls = {
        f"http://127.0.0.1:{origin.port}/cat.png": "loopback",
        # A host name is refused without naming what it resolves to (no probing of internal DNS).
        f"http://localhost:{origin.port}/cat.png": "does not resolve to a public internet address",
        f"http://[::ffff:127.0.0.1]:{origin.port}/cat.png": "loopback",
        "http://10.0.0.1/cat.png": "private (10.0.0.0/8)",
        "http://192.168.1.10/cat.png": "private (192.168.0.0/16)",
        "http://169.254.169.254/latest/meta-data/": "link-local",
        # The gateway's own port: a client must not reach the admin panel through it.
        gateway.url + "/health": "loopback",
    }
    for url, reason in urls.items():
        started = time.monotonic()
        with pytest.raises(openai.BadRequestError) as caught:
            ask_about(client, url)
        assert caught.value.status_code == 400
        assert caught.value.code == "media_unavailable"
        assert reason in caught.value.message, caught.value.message
        assert time.monotonic() - started < 3, f"{url} was not refused at once"
    assert origin.hits == []
    assert upstream_calls(fake, key) == []
