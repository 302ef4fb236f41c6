"""Issue 3, item 4 with the real SDK: a stream Google cuts after the first byte raises in the
client instead of looking complete; fake streaming (FAKE_STREAM_ENABLED) reads as a normal stream."""

import openai
import pytest

from conftest import make_key
from fixtures.openai_helpers import TOKEN, openai_client, raw_stream, sse_payloads, upstream_calls


@pytest.mark.parametrize("prefix", ["/v1", "/openai/v1"])
def test_cut_stream_raises_in_the_sdk(gateway_factory, fake, prefix):
    key = make_key("oa-cut" + prefix)
    fake.script({key: {"streamCut": {"afterEvents": 1}}})
    gateway = gateway_factory([key], tokens=[TOKEN])
    stream = openai_client(gateway, prefix).chat.completions.create(
        model="gemini-2.0-flash", messages=[{"role": "user", "content": "a longer answer please"}], stream=True)
    received = []
    with pytest.raises(openai.APIError) as caught:
        for chunk in stream:
            received.extend(choice.delta.content or "" for choice in chunk.choices)
    assert "partial" in str(caught.value.message)
    assert "".join(received)  # the first part did arrive
    assert len(upstream_calls(fake, key)) == 1  # no retry after the first byte

    status, body = raw_stream(gateway, prefix + "/chat/completions", {
        "model": "gemini-2.0-flash", "stream": True, "messages": [{"role": "user", "content": "again please"}]})
    payloads = sse_payloads(body)
    assert status == 200 and payloads[-1] == "[DONE]" and '"error"' in payloads[-2]


def test_fake_stream_reads_as_a_stream(gateway_factory, fake):
    key = make_key("oa-fake-stream")
    fake.script({key: {"slow": {"firstEventDelayMs": 2300, "eventIntervalMs": 0, "events": 1}}})
    gateway = gateway_factory([key], tokens=[TOKEN], env={
        "FAKE_STREAM_ENABLED": "true", "FAKE_STREAM_EMPTY_DATA_INTERVAL_SECONDS": "1"})
    stream = openai_client(gateway, "/v1").chat.completions.create(
        model="gemini-2.0-flash", messages=[{"role": "user", "content": "take your time"}], stream=True,
        stream_options={"include_usage": True})
    chunks = list(stream)
    assert sum(1 for chunk in chunks if not chunk.choices and not chunk.usage) >= 2  # keep-alives
    text = "".join(choice.delta.content or "" for chunk in chunks for choice in chunk.choices)
    assert text == "Echo: take your time"
    assert chunks[-1].usage.total_tokens > 0
    assert upstream_calls(fake, key)[-1]["action"] == "generateContent"
