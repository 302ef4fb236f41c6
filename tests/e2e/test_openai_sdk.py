"""Issue 3: the official openai SDK against Gemgate on /v1, /hf/v1 and /openai/v1."""

import base64
import json
import struct

import pytest

from conftest import make_key
from fixtures.openai_helpers import (
    CONVERTING_PREFIXES, PIXEL_PNG, PREFIXES, TOKEN, openai_client, raw_stream, sse_payloads, upstream_bodies,
    upstream_calls,
)


@pytest.fixture
def key():
    return make_key("oa-sdk")


@pytest.fixture
def gateway(gateway_factory, key):
    return gateway_factory([key], tokens=[TOKEN])


@pytest.mark.parametrize("prefix", PREFIXES)
def test_models_list(gateway, prefix):
    ids = [model.id for model in openai_client(gateway, prefix).models.list()]
    assert "gemini-2.5-flash" in ids
    assert not any(model_id.startswith("models/") for model_id in ids)
    assert "chat-bison-001" not in ids  # FILTERED_MODELS
    if prefix != "/openai/v1":
        assert "gemini-2.5-flash-search" in ids  # a derived entry (SEARCH_MODELS)
        assert openai_client(gateway, prefix).models.retrieve("gemini-2.5-pro").id == "gemini-2.5-pro"


@pytest.mark.parametrize("prefix", PREFIXES)
def test_chat_whole_with_system_message(gateway, fake, key, prefix):
    completion = openai_client(gateway, prefix).chat.completions.create(
        model="gemini-2.5-flash",
        messages=[{"role": "system", "content": "You are terse."}, {"role": "user", "content": "hello there"}],
    )
    choice = completion.choices[0]
    assert choice.message.content == "Echo: hello there"
    assert choice.finish_reason == "stop"
    assert completion.usage.total_tokens == completion.usage.prompt_tokens + completion.usage.completion_tokens
    sent = upstream_bodies(fake, key)[-1]
    if prefix == "/openai/v1":
        assert sent["messages"][0] == {"role": "system", "content": "You are terse."}
    else:
        assert sent["systemInstruction"]["parts"][0]["text"] == "You are terse."


@pytest.mark.parametrize("prefix", PREFIXES)
def test_chat_stream_with_usage(gateway, prefix):
    stream = openai_client(gateway, prefix).chat.completions.create(
        model="gemini-2.5-flash", messages=[{"role": "user", "content": "stream this please"}],
        stream=True, stream_options={"include_usage": True},
    )
    text, finish, usage = "", None, None
    for chunk in stream:
        if chunk.usage:
            usage = chunk.usage
        for choice in chunk.choices:
            text += choice.delta.content or ""
            finish = choice.finish_reason or finish
    assert text == "Echo: stream this please"
    assert finish == "stop"
    assert usage is not None and usage.total_tokens > 0
    status, body = raw_stream(gateway, prefix + "/chat/completions", {
        "model": "gemini-2.5-flash", "stream": True, "messages": [{"role": "user", "content": "raw"}],
    })
    assert status == 200
    assert body.endswith("data: [DONE]\n\n")
    assert sse_payloads(body).count("[DONE]") == 1


@pytest.mark.parametrize("prefix", PREFIXES)
def test_image_as_data_url(gateway, fake, key, prefix):
    completion = openai_client(gateway, prefix).chat.completions.create(
        model="gemini-2.5-flash",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "what is in the picture"},
            {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{PIXEL_PNG}"}},
        ]}],
    )
    assert completion.choices[0].message.content == "Echo: what is in the picture"
    if prefix != "/openai/v1":
        parts = upstream_bodies(fake, key)[-1]["contents"][0]["parts"]
        assert {"inlineData": {"mimeType": "image/png", "data": PIXEL_PNG}} in parts


@pytest.mark.parametrize("prefix", PREFIXES)
def test_response_format_json_schema(gateway, fake, key, prefix):
    completion = openai_client(gateway, prefix).chat.completions.create(
        model="gemini-2.5-flash",
        messages=[{"role": "user", "content": "json please"}],
        response_format={"type": "json_schema", "json_schema": {
            "name": "echo", "strict": True,
            "schema": {"type": "object", "properties": {"echo": {"type": "string"}}, "required": ["echo"],
                       "additionalProperties": False},
        }},
    )
    assert json.loads(completion.choices[0].message.content) == {"echo": "json please"}
    sent = upstream_bodies(fake, key)[-1]
    if prefix == "/openai/v1":
        assert sent["response_format"]["type"] == "json_schema"
    else:
        config = sent["generationConfig"]
        assert config["responseMimeType"] == "application/json"
        schema = config.get("responseJsonSchema") or config.get("responseSchema")
        assert schema["properties"]["echo"]["type"].lower() == "string"


@pytest.mark.parametrize("prefix", CONVERTING_PREFIXES)
def test_thinking_model_streams_reasoning_then_content(gateway, prefix):
    stream = openai_client(gateway, prefix).chat.completions.create(
        model="gemini-2.5-flash", messages=[{"role": "user", "content": "think first"}], stream=True,
        reasoning_effort="low",
    )
    order = []
    for chunk in stream:
        for choice in chunk.choices:
            delta = choice.delta
            if getattr(delta, "reasoning_content", None):
                order.append("reasoning")
            if delta.content:
                order.append("content")
    assert order and order[0] == "reasoning" and order[-1] == "content"
    assert order.index("content") > max(i for i, kind in enumerate(order) if kind == "reasoning")


@pytest.mark.parametrize("prefix", PREFIXES)
def test_embeddings_float_and_base64_agree(gateway, prefix):
    client = openai_client(gateway, prefix)
    floats = client.embeddings.create(model="text-embedding-004", input=["alpha", "beta"], encoding_format="float")
    # The SDK asks for base64 itself when no format is given, and decodes it.
    decoded = client.embeddings.create(model="text-embedding-004", input=["alpha", "beta"])
    assert len(floats.data) == 2 and len(floats.data[0].embedding) > 0
    for plain, packed in zip(floats.data, decoded.data):
        assert [struct.unpack("<f", struct.pack("<f", v))[0] for v in plain.embedding] == pytest.approx(packed.embedding)
    raw = client.embeddings.with_raw_response.create(model="text-embedding-004", input="alpha", encoding_format="base64")
    vector = json.loads(raw.text)["data"][0]["embedding"]
    assert isinstance(vector, str)
    unpacked = struct.unpack(f"<{len(base64.b64decode(vector)) // 4}f", base64.b64decode(vector))
    assert list(unpacked) == pytest.approx(floats.data[0].embedding)


@pytest.mark.parametrize("prefix", CONVERTING_PREFIXES)
def test_images_generate_returns_png(gateway, fake, key, prefix):
    result = openai_client(gateway, prefix).images.generate(model="dall-e-3", prompt="a red square", size="1024x1024")
    png = base64.b64decode(result.data[0].b64_json)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    assert width > 0 and height > 0
    assert upstream_calls(fake, key)[-1]["path"].endswith("imagen-3.0-generate-002:predict")


@pytest.mark.parametrize("prefix", CONVERTING_PREFIXES)
def test_audio_speech_returns_audio(gateway, fake, key, prefix):
    response = openai_client(gateway, prefix).audio.speech.create(model="tts-1", voice="nova", input="Hello there")
    audio = response.content
    assert audio[:4] == b"RIFF" and audio[8:12] == b"WAVE"
    assert len(audio) > 44
    assert response.response.headers["content-type"] == "audio/wav"
    sent = upstream_bodies(fake, key)[-1]
    assert sent["generationConfig"]["responseModalities"] == ["AUDIO"]
