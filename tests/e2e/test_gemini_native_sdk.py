"""Issue 2: the official google-genai SDK, pointed at Gemgate, works on both native prefixes."""

import time

import pytest
from google import genai
from google.genai import types

from conftest import make_key

TOKEN = "sk-e2e-native-token"
PREFIXES = ["", "/gemini"]  # the SDK appends the API version itself


@pytest.fixture
def gateway(gateway_factory):
    return gateway_factory([make_key("native-a"), make_key("native-b")], tokens=[TOKEN])


def client(gateway, prefix: str) -> genai.Client:
    # Keep the client referenced while it is used: the SDK closes its HTTP client when collected.
    return genai.Client(
        api_key=TOKEN, http_options=types.HttpOptions(base_url=gateway.url + prefix, api_version="v1beta")
    )


@pytest.mark.parametrize("prefix", PREFIXES)
def test_generate_content(gateway, prefix):
    sdk = client(gateway, prefix)
    response = sdk.models.generate_content(model="gemini-2.5-flash", contents="hello there")
    assert "hello there" in response.text


@pytest.mark.parametrize("prefix", PREFIXES)
def test_generate_content_stream(gateway, prefix):
    sdk = client(gateway, prefix)
    chunks = list(sdk.models.generate_content_stream(model="gemini-2.5-flash", contents="stream me"))
    assert len(chunks) >= 2
    assert "stream me" in "".join(chunk.text or "" for chunk in chunks)
    assert chunks[-1].candidates[0].finish_reason == types.FinishReason.STOP


@pytest.mark.parametrize("prefix", PREFIXES)
def test_count_tokens(gateway, prefix):
    sdk = client(gateway, prefix)
    result = sdk.models.count_tokens(model="gemini-2.5-flash", contents="one two three four")
    assert result.total_tokens and result.total_tokens > 0


@pytest.mark.parametrize("prefix", PREFIXES)
def test_embed_content(gateway, prefix):
    sdk = client(gateway, prefix)
    result = sdk.models.embed_content(model="text-embedding-004", contents=["first text", "second text"])
    assert len(result.embeddings) == 2
    assert len(result.embeddings[0].values) > 0
    assert result.embeddings[0].values != result.embeddings[1].values


@pytest.mark.parametrize("prefix", PREFIXES)
def test_models_list(gateway, prefix):
    sdk = client(gateway, prefix)
    names = [model.name for model in sdk.models.list()]
    assert "models/gemini-2.5-flash" in names
    # FILTERED_MODELS (gemini-balance's defaults) are hidden.
    assert "models/chat-bison-001" not in names


def test_first_chunk_arrives_while_upstream_is_still_sending(gateway_factory, fake):
    slow_key = make_key("slow-stream")
    fake.script({slow_key: {"slow": {"firstEventDelayMs": 100, "eventIntervalMs": 700, "events": 5}}})
    gateway = gateway_factory([slow_key], tokens=[TOKEN])
    sdk = client(gateway, "")
    started = time.monotonic()
    arrivals = []
    for _ in sdk.models.generate_content_stream(model="gemini-2.5-flash", contents="slowly"):
        arrivals.append(time.monotonic() - started)
    assert len(arrivals) >= 4
    # The upstream needs about 0.1 + 4 × 0.7 s for all five events; the first must not wait for them.
    assert arrivals[0] < 1.5, arrivals
    assert arrivals[-1] > 2.5, arrivals
