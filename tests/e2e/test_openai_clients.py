"""Issue 3: requests shaped like those of Cherry Studio, LobeChat and SillyTavern (recorded
shapes in fixtures/, extra fields included) succeed on Gemgate's conversion."""

import json
import pathlib

import pytest

from conftest import make_key
from fixtures.openai_helpers import TOKEN, raw_stream, sse_payloads, upstream_bodies

FIXTURES = pathlib.Path(__file__).parent / "fixtures"

# Fields these clients add that Gemini does not know: none may reach it.
CLIENT_ONLY_FIELDS = {
    "enable_thinking", "thinking_budget", "keep_alive", "stream_options", "parallel_tool_calls", "user", "top_a",
    "min_p", "repetition_penalty", "logit_bias", "include_reasoning", "custom_prompt_post_processing", "prompt",
    "reasoning_effort", "frequency_penalty", "presence_penalty", "_recorded",
}


def load(name):
    return json.loads((FIXTURES / name).read_text())


@pytest.mark.parametrize("name", ["cherry-studio.json", "lobechat.json", "sillytavern.json"])
def test_recorded_client_request_succeeds(gateway_factory, fake, name):
    key = make_key("oa-client-" + name)
    gateway = gateway_factory([key], tokens=[TOKEN])
    body = load(name)
    status, text = raw_stream(gateway, "/v1/chat/completions", body)
    assert status == 200, text
    if body.get("stream"):
        payloads = sse_payloads(text)
        assert payloads[-1] == "[DONE]"
        chunks = [json.loads(p) for p in payloads[:-1]]
        assert not any("error" in chunk for chunk in chunks), text
        content = "".join(
            (choice["delta"].get("content") or "") for chunk in chunks for choice in chunk["choices"])
        assert content.startswith("Echo:") or content.startswith("Results:"), text
        assert any(choice.get("finish_reason") == "stop" for chunk in chunks for choice in chunk["choices"])
        if body.get("stream_options", {}).get("include_usage"):
            assert chunks[-1]["choices"] == [] and chunks[-1]["usage"]["total_tokens"] > 0
    else:
        answer = json.loads(text)
        assert answer["choices"][0]["finish_reason"] in ("stop", "length")
        assert answer["choices"][0]["message"]["role"] == "assistant"

    sent = upstream_bodies(fake, key)[-1]
    assert not (CLIENT_ONLY_FIELDS & set(sent)), sorted(set(sent))
    roles = [turn["role"] for turn in sent["contents"]]
    assert all(role in ("user", "model") for role in roles)
    # Gemini refuses two turns of the same role in a row; consecutive messages were merged.
    assert all(a != b for a, b in zip(roles, roles[1:])), roles
    assert sent["systemInstruction"]["parts"]


def test_sillytavern_samplers_and_system_messages(gateway_factory, fake):
    key = make_key("oa-client-st-detail")
    gateway = gateway_factory([key], tokens=[TOKEN])
    status, _ = raw_stream(gateway, "/v1/chat/completions", load("sillytavern.json"))
    assert status == 200
    sent = upstream_bodies(fake, key)[-1]
    config = sent["generationConfig"]
    assert config["topK"] == 40 and config["maxOutputTokens"] == 400
    assert len(config["stopSequences"]) <= 5
    system_text = " ".join(part.get("text", "") for part in sent["systemInstruction"]["parts"])
    assert "Write Mira's next reply" in system_text


def test_cherry_studio_tool_history_reaches_gemini_as_function_parts(gateway_factory, fake):
    key = make_key("oa-client-cherry-detail")
    gateway = gateway_factory([key], tokens=[TOKEN])
    status, _ = raw_stream(gateway, "/v1/chat/completions", load("cherry-studio.json"))
    assert status == 200
    contents = upstream_bodies(fake, key)[-1]["contents"]
    calls = [p["functionCall"]["name"] for turn in contents for p in turn["parts"] if "functionCall" in p]
    responses = [p["functionResponse"]["name"] for turn in contents for p in turn["parts"] if "functionResponse" in p]
    assert calls == ["mcp__weather__forecast"] and responses == ["mcp__weather__forecast"]
