"""Fixed GUIDs drawn from the seed, so that the truth file can name Xero records before they exist."""

from __future__ import annotations

import random

VERSION_4 = (0xF000 << 64, 0x4000 << 64)  # (mask, value) of the version nibble
RFC_4122 = (0xC000 << 48, 0x8000 << 48)  # (mask, value) of the variant bits


class Guids:
    def __init__(self, seed: int):
        self._rng = random.Random(f"{seed}:guids")

    def __call__(self) -> str:
        """A version-4 UUID from 128 random bits of the seeded stream (what `uuid.UUID(int=..., version=4)` gives)."""
        bits = self._rng.getrandbits(128)
        for mask, value in (VERSION_4, RFC_4122):
            bits = (bits & ~mask) | value
        h = f"{bits:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
