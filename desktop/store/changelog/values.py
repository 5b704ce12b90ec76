"""How a field group's values are stored in a change row (shared by the log and settled history)."""

from __future__ import annotations

import json
from typing import Any


def encode_value(value: Any) -> str:
    """A field group's values as stored in a change row (canonical JSON)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
