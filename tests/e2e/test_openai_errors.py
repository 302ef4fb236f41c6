"""Issue 3: failures reach OpenAI clients with the right status, OpenAI's error shape, and the
headers that tell the SDK whether to retry."""

import openai
import pytest

from conftest import make_key
from fixtures.openai_helpers import PREFIXES, TOKEN, openai_client, upstream_calls

HELLO = [{"role": "user", "content": "hi"}]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_wrong_token_is_401(gateway_factory, prefix):
    gateway = gateway_factory([make_key("oa-err-401")], tokens=[TOKEN])
    with pytest.raises(openai.AuthenticationError) as caught:
        openai_client(gateway, prefix, token="sk-not-a-token").chat.completions.create(
            model="gemini-2.5-flash", messages=HELLO)
    assert caught.value.status_code == 401
    assert caught.value.code == "invalid_api_key"
    assert caught.value.body["type"] == "invalid_request_error"


@pytest.mark.parametrize("prefix", ["/v1", "/hf/v1"])
def test_gemini_400_passes_through_once(gateway_factory, fake, prefix):
    keys = [make_key("oa-err-400a" + prefix), make_key("oa-err-400b" + prefix)]
    gateway = gateway_factory(keys, tokens=[TOKEN])
    with pytest.raises(openai.BadRequestError) as caught:
        openai_client(gateway, prefix).chat.completions.create(
            model="gemini-2.5-flash", messages=HELLO,
            extra_body={"google": {"thinking_config": {"thinking_budget": 99999}}})
    assert caught.value.status_code == 400
    assert "thinking budget (99999) is invalid" in caught.value.message
    # Answered at once: one upstream request, no retry on the other key.
    assert sum(len(upstream_calls(fake, key)) for key in keys) == 1


def test_gemini_400_on_the_relay(gateway_factory, fake):
    key = make_key("oa-err-400-relay")
    gateway = gateway_factory([key], tokens=[TOKEN])
    with pytest.raises(openai.BadRequestError) as caught:
        openai_client(gateway, "/openai/v1").chat.completions.create(model="gemini-2.5-flash", messages=[])
    assert caught.value.status_code == 400
    assert isinstance(caught.value.body, dict) and caught.value.body.get("message")  # not Google's [{"error":…}]
    assert len(upstream_calls(fake, key)) == 1


@pytest.mark.parametrize("prefix", PREFIXES)
def test_unknown_model_is_404(gateway_factory, prefix):
    gateway = gateway_factory([make_key("oa-err-404")], tokens=[TOKEN])
    with pytest.raises(openai.NotFoundError) as caught:
        openai_client(gateway, prefix).chat.completions.create(model="gemini-0-nonexistent", messages=HELLO)
    assert caught.value.status_code == 404
    if prefix != "/openai/v1":
        assert caught.value.code == "model_not_found"


@pytest.mark.parametrize("prefix", PREFIXES)
def test_every_key_cooling_is_429_with_retry_after(gateway_factory, fake, prefix):
    keys = [make_key("oa-err-429a" + prefix), make_key("oa-err-429b" + prefix)]
    fake.script({key: {"quotaPerMinute": {"retryDelaySeconds": 45}} for key in keys})
    gateway = gateway_factory(keys, tokens=[TOKEN])
    for _ in range(2):
        with pytest.raises(openai.RateLimitError) as caught:
            openai_client(gateway, prefix).chat.completions.create(model="gemini-2.5-flash", messages=HELLO)
        headers = caught.value.response.headers
        assert 30 < int(headers["retry-after"]) <= 46
        assert headers["x-should-retry"] == "false"
        assert caught.value.body["type"] == "rate_limit_error"
    # Each key was asked once; the second call found them all resting.
    assert sum(len(upstream_calls(fake, key)) for key in keys) == 2


@pytest.mark.parametrize("prefix", PREFIXES)
def test_no_valid_key_is_503(gateway_factory, fake, prefix):
    keys = [make_key("oa-err-503a" + prefix), make_key("oa-err-503b" + prefix)]
    fake.script({key: "invalidKey" for key in keys})
    gateway = gateway_factory(keys, tokens=[TOKEN], env={"MAX_FAILURES": "1"})
    for _ in range(2):
        with pytest.raises(openai.InternalServerError) as caught:
            openai_client(gateway, prefix).chat.completions.create(model="gemini-2.5-flash", messages=HELLO)
        assert caught.value.status_code == 503
        assert caught.value.response.headers["x-should-retry"] == "false"
    assert sum(len(upstream_calls(fake, key)) for key in keys) == 2


def test_sdk_does_not_retry_when_told_not_to(gateway_factory, fake):
    """With the SDK's default retries on, `x-should-retry: false` keeps it from calling again."""
    keys = [make_key("oa-err-noretry")]
    fake.script({keys[0]: "overloaded"})
    gateway = gateway_factory(keys, tokens=[TOKEN])
    client = openai.OpenAI(api_key=TOKEN, base_url=gateway.url + "/v1", max_retries=2)
    with pytest.raises(openai.InternalServerError):
        client.chat.completions.create(model="gemini-2.5-flash", messages=HELLO)
    assert len(upstream_calls(fake, keys[0])) == 1
