"""Everything one running sandbox holds, handed to the routes through the Starlette app."""

from __future__ import annotations

from dataclasses import dataclass

from sync.sandbox.clock import Clock
from sync.sandbox.config import SandboxConfig
from sync.sandbox.faults import Faults
from sync.sandbox.idempotency import IdempotencyStore
from sync.sandbox.identity import Identity
from sync.sandbox.ratelimit import RateLimiter
from sync.sandbox.requestlog import RequestLog
from sync.sandbox.state import SandboxState


@dataclass
class Services:
    config: SandboxConfig
    clock: Clock
    state: SandboxState
    identity: Identity
    limiter: RateLimiter
    idempotency: IdempotencyStore
    faults: Faults
    request_log: RequestLog

    @classmethod
    def create(cls, state: SandboxState, config: SandboxConfig) -> "Services":
        clock = Clock(config.clock_offset_seconds)
        return cls(config, clock, state, Identity(state, config, clock), RateLimiter(config, clock),
                   IdempotencyStore(config.idempotency_seconds, clock), Faults(config.seed), RequestLog())
