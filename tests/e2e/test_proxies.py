"""Issue 2 item 7: PROXIES, HTTP and SOCKS5, one proxy per key, the same one across restarts."""

import json

from google import genai
from google.genai import types

from conftest import make_key
from proxies import HTTPConnectProxy, SOCKS5Proxy

TOKEN = "sk-proxy-token"


def test_each_key_always_leaves_through_the_same_proxy(gateway_factory):
    http_proxy, socks_proxy = HTTPConnectProxy(), SOCKS5Proxy()
    keys = [make_key(f"proxy-{i}") for i in range(8)]
    proxies = [f"http://127.0.0.1:{http_proxy.port}", f"socks5://127.0.0.1:{socks_proxy.port}"]
    gateway = gateway_factory(keys, tokens=[TOKEN], env={"PROXIES": json.dumps(proxies)})
    sdk = genai.Client(api_key=TOKEN, http_options=types.HttpOptions(base_url=gateway.url, api_version="v1beta"))

    def call_all():
        for _ in range(len(keys) * 3):
            assert "hi" in sdk.models.generate_content(model="gemini-2.5-flash", contents="hi").text

    call_all()
    assert http_proxy.keys_seen and socks_proxy.keys_seen, "both proxies carry traffic"
    assert not (http_proxy.keys_seen & socks_proxy.keys_seen), "no key used two proxies"
    assert http_proxy.keys_seen | socks_proxy.keys_seen == set(keys)
    first = (set(http_proxy.keys_seen), set(socks_proxy.keys_seen))

    # After a restart the assignment is the same (the hash is stable across processes).
    http_proxy.keys_seen.clear()
    socks_proxy.keys_seen.clear()
    gateway.restart()
    call_all()
    assert (http_proxy.keys_seen, socks_proxy.keys_seen) == first
    http_proxy.close()
    socks_proxy.close()
