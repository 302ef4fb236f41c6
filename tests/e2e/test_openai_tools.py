"""Issue 3: tool calls through the openai SDK — parallel calls and their results, and Gemini 3's
thought signatures restored when the client drops them."""

import json

import pytest

from conftest import make_key
from fixtures.openai_helpers import PREFIXES, TOKEN, openai_client, upstream_bodies

TOOLS = [
    {"type": "function", "function": {
        "name": "get_weather", "description": "Current weather for a city",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    }},
    {"type": "function", "function": {
        "name": "get_time", "description": "Current time in a time zone",
        "parameters": {"type": "object", "properties": {"zone": {"type": "string"}}, "required": ["zone"]},
    }},
]


def plain_history(question, tool_calls):
    """The follow-up as a client that keeps only OpenAI's fields builds it: no thought signature,
    no extra_content, just ids, names and arguments."""
    messages = [question, {
        "role": "assistant", "content": None,
        "tool_calls": [
            {"id": call.id, "type": "function",
             "function": {"name": call.function.name, "arguments": call.function.arguments}}
            for call in tool_calls
        ],
    }]
    for call in tool_calls:
        messages.append({"role": "tool", "tool_call_id": call.id,
                         "content": json.dumps({"result": f"{call.function.name} ok"})})
    return messages


@pytest.mark.parametrize("prefix", PREFIXES)
def test_two_turn_round_trip_with_parallel_calls(gateway_factory, fake, prefix):
    key = make_key("oa-tools" + prefix.replace("/", "-"))
    gateway = gateway_factory([key], tokens=[TOKEN])
    client = openai_client(gateway, prefix)
    question = {"role": "user", "content": "What is the weather and the time in Paris?"}
    first = client.chat.completions.create(model="gemini-2.5-flash", messages=[question], tools=TOOLS,
                                           parallel_tool_calls=True)
    choice = first.choices[0]
    assert choice.finish_reason == "tool_calls"
    calls = choice.message.tool_calls
    assert [call.function.name for call in calls] == ["get_weather", "get_time"]
    assert len({call.id for call in calls}) == 2
    for call in calls:
        assert isinstance(json.loads(call.function.arguments), dict)

    second = client.chat.completions.create(model="gemini-2.5-flash", messages=plain_history(question, calls), tools=TOOLS)
    assert second.choices[0].finish_reason == "stop"
    assert second.choices[0].message.content.startswith("Results: get_weather=")

    sent = upstream_bodies(fake, key)[-1]
    if prefix == "/openai/v1":
        tool_messages = [m for m in sent["messages"] if m["role"] == "tool"]
        assert [m["tool_call_id"] for m in tool_messages] == [call.id for call in calls]
    else:
        last_turn = sent["contents"][-1]
        assert last_turn["role"] == "user"
        responses = [part["functionResponse"] for part in last_turn["parts"]]
        assert [response["name"] for response in responses] == ["get_weather", "get_time"]
        assert responses[0]["response"] == {"result": "get_weather ok"}


@pytest.mark.parametrize("stream_first", [False, True])
def test_gemini3_round_trip_without_client_signatures(gateway_factory, fake, stream_first):
    key = make_key(f"oa-gemini3-{stream_first}")
    gateway = gateway_factory([key], tokens=[TOKEN])
    client = openai_client(gateway, "/v1")
    question = {"role": "user", "content": "Look up the weather in Oslo"}
    if stream_first:
        collected = {}
        for chunk in client.chat.completions.create(model="gemini-3-pro-preview", messages=[question], tools=TOOLS,
                                                    stream=True):
            for choice in chunk.choices:
                for delta in choice.delta.tool_calls or []:
                    entry = collected.setdefault(delta.index, {"id": None, "name": "", "arguments": ""})
                    entry["id"] = delta.id or entry["id"]
                    entry["name"] += delta.function.name or ""
                    entry["arguments"] += delta.function.arguments or ""

        class Call:  # the shape plain_history reads
            def __init__(self, entry):
                self.id = entry["id"]
                self.function = type("F", (), {"name": entry["name"], "arguments": entry["arguments"]})

        calls = [Call(collected[index]) for index in sorted(collected)]
    else:
        calls = client.chat.completions.create(model="gemini-3-pro-preview", messages=[question],
                                               tools=TOOLS).choices[0].message.tool_calls
    assert len(calls) == 2

    # The fake, like Gemini 3, refuses this follow-up unless the signature is back on the call.
    second = client.chat.completions.create(model="gemini-3-pro-preview", messages=plain_history(question, calls),
                                            tools=TOOLS)
    assert second.choices[0].message.content.startswith("Results:")
    model_turn = next(turn for turn in upstream_bodies(fake, key)[-1]["contents"] if turn["role"] == "model")
    signature = model_turn["parts"][0].get("thoughtSignature")
    assert signature and signature != "skip_thought_signature_validator"
