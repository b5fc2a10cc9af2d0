"""Keyed signatures of workflow snapshots: HMAC-SHA256 over the snapshot's canonical JSON.

An OA that stores snapshots outside gongkai signs them with its own key
(``snapshot(key=…)``) and so detects, at ``restore(…, key=…)``, a snapshot edited in
storage. The key never leaves the integrator; gongkai keeps none.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from typing import Any

from gongkai.errors import WorkflowError

__all__ = ["SIGNATURE_FIELD", "canonical_json", "sign", "verify"]

#: The snapshot key that holds the signature (hex digest).
SIGNATURE_FIELD = "signature"


def canonical_json(data: Mapping[str, Any]) -> bytes:
    """``data`` without its signature as UTF-8 JSON: keys sorted, no spaces."""
    unsigned = {k: v for k, v in data.items() if k != SIGNATURE_FIELD}
    return json.dumps(
        unsigned, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8", "surrogatepass")


def _key_bytes(key: bytes | str) -> bytes:
    if isinstance(key, str):
        key = key.encode("utf-8")
    if not isinstance(key, bytes) or not key:
        raise WorkflowError(
            "签名密钥须为非空的 bytes 或 str", "the signing key must be non-empty bytes or str"
        )
    return key


def sign(data: Mapping[str, Any], key: bytes | str) -> str:
    """The HMAC-SHA256 of ``data`` (its signature left out) under ``key``, in hex."""
    return hmac.new(_key_bytes(key), canonical_json(data), hashlib.sha256).hexdigest()


def verify(data: Mapping[str, Any], key: bytes | str) -> None:
    """Raise WorkflowError unless ``data`` carries the signature ``key`` gives it."""
    given = data.get(SIGNATURE_FIELD)
    if not isinstance(given, str):
        raise WorkflowError("快照没有签名", "the snapshot is not signed")
    try:
        expected = sign(data, key)
    except (TypeError, ValueError):
        raise WorkflowError(
            "快照数据无法规范化签名", "the snapshot cannot be signed canonically"
        ) from None
    if not given.isascii() or not hmac.compare_digest(given, expected):
        raise WorkflowError(
            "快照签名不符：快照在 gongkai 之外被修改，或密钥不同",
            "the snapshot's signature does not match: it was edited outside gongkai, "
            "or the key differs",
        )
