"""The google-genai SDK with its default API version (v1) shares /v1 with OpenAI clients:
`models.list()` and `models.get()` get Google's shape, `generate_content` is relayed natively,
and the openai SDK on the same gateway still gets OpenAI's shape."""

from google import genai
from google.genai import types

from conftest import make_key
from fixtures.openai_helpers import TOKEN, openai_client


def test_google_sdk_with_default_api_version(gateway_factory, fake):
    gateway = gateway_factory([make_key("oa-genai-v1")], tokens=[TOKEN])
    sdk = genai.Client(api_key=TOKEN, http_options=types.HttpOptions(base_url=gateway.url))
    names = [model.name for model in sdk.models.list()]
    assert "models/gemini-2.5-flash" in names
    assert "models/chat-bison-001" not in names
    assert sdk.models.get(model="gemini-2.5-pro").name == "models/gemini-2.5-pro"
    response = sdk.models.generate_content(model="gemini-2.5-flash", contents="hello from v1")
    assert "hello from v1" in response.text
    streamed = "".join(chunk.text or "" for chunk in sdk.models.generate_content_stream(
        model="gemini-2.5-flash", contents="stream from v1"))
    assert "stream from v1" in streamed
    listed = [r for r in fake.requests() if r.get("action") == "listModels"]
    assert listed and all(r["path"].startswith("/v1beta/") for r in listed)

    # The same path, asked by an OpenAI client, answers in OpenAI's shape.
    ids = [model.id for model in openai_client(gateway, "/v1").models.list()]
    assert "gemini-2.5-flash" in ids
