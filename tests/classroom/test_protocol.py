"""The load test's kernel websocket frames are those of jupyter_server's v1 protocol (no hub needed)."""

from __future__ import annotations

import json

from jupyter_server.services.kernels.connection.base import deserialize_msg_from_ws_v1, serialize_msg_to_ws_v1

from . import load_test

PARTS = [json.dumps(part).encode() for part in ({"msg_id": "a1", "msg_type": "status"}, {"msg_id": "p"}, {}, {})]


def test_a_frame_the_load_test_sends_is_read_by_the_server_as_sent():
    frame = load_test.encode_v1("shell", PARTS + [b"\x00buffer"])
    assert deserialize_msg_from_ws_v1(frame) == ("shell", PARTS + [b"\x00buffer"])


def test_a_frame_the_server_sends_is_read_by_the_load_test_as_sent():
    frame = serialize_msg_to_ws_v1(PARTS, "iopub")
    assert load_test.decode_v1(frame) == ("iopub", PARTS)
    assert load_test.encode_v1("iopub", PARTS) == frame  # byte for byte the server's framing
