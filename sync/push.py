"""The pusher (docs/sync.md, "Flow" 6): sends the outbox's planned writes to Xero exactly once.

    outcome = push(client, outbox, on_progress=bar.update)

First every row in doubt (left `sending` by a crash, or `unknown` after a write whose fate Xero
never confirmed) is looked up in Xero by its natural key (sync/lookup.py) and marked done or
planned again — never sent blindly. Then batch after batch: up to 50 rows of one kind whose
dependencies are done, placeholders replaced by the Xero ids of done rows, marked `sending` (with
the batch's Idempotency-Key) before the request goes out, and Xero's answer recorded element by
element. Invoices and credit notes go with `unitdp=4`. When the day's request budget is spent it
stops and says when work can resume. Call it again after any interruption: it finishes the job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sync.lookup import look_up
from sync.outbox import Batch, Outbox, OutboxError
from sync.push_placeholders import resolve
from sync.xero import DayLimitReached, ElementResult, WriteOutcomeUnknown, XeroClient, XeroRequestError
from sync.xero.entities import write_template

FOUR_DECIMALS = ("Invoices", "CreditNotes")  # endpoints sent unitdp=4: unit prices keep 4 decimals
FINISHED = ("done", "failed", "held")

Progress = Callable[[str, int, int], None]  # kind, rows finished, rows of that kind


@dataclass(frozen=True)
class PushOutcome:
    counts: dict[str, int]  # rows of the plan per state: {"done": 120, "failed": 2, "held": 3}
    by_kind: dict[str, dict[str, int]] = field(default_factory=dict)  # Outbox.status() at the end
    stopped: str | None = None  # why it stopped before the end, e.g. "day limit reached"
    resume_at: datetime | None = None  # when the work can go on (UTC), when stopped by Xero's day limit

    @property
    def finished(self) -> bool:
        """Nothing is left to send or to look up."""
        return self.stopped is None and not any(self.counts.get(state) for state in ("planned", "sending", "unknown"))


def push(client: XeroClient, outbox: Outbox, *, on_progress: Progress | None = None) -> PushOutcome:
    """Send every planned row of the outbox; see the module's docstring. `on_progress(kind, finished,
    total)` after each batch (finished: done, failed or held). Refuses (OutboxError) when unfinished
    rows are meant for another organisation than the client's. Raises what the client raises for Xero
    failing for good (XeroUnavailable, XeroAuthError): the rows being sent are then marked unknown,
    so the next run looks them up first."""
    others = [tenant for tenant in outbox.unfinished_tenants() if tenant not in (None, client.tenant_id)]
    if others:
        raise OutboxError(f"the outbox holds unfinished writes for organisation {others[0]}, not for "
                          f"{client.tenant_id}: finish them with a client for that organisation")
    try:
        _resolve_in_doubt(client, outbox)
        while batch := outbox.next_batch():
            _send(client, outbox, batch)
            if on_progress:
                _report(outbox, batch.rows[0].kind, on_progress)
    except DayLimitReached as limit:
        return _outcome(outbox, "day limit reached", limit.resume_at)
    return _outcome(outbox)


def _send(client: XeroClient, outbox: Outbox, batch: Batch) -> None:
    ids = outbox.done_ids(batch.rows[0].plan_hash)
    entity = resolve(batch.entity, ids)
    payloads = [resolve(payload, ids) for payload in batch.payloads]
    key = batch.idempotency_key
    params = {"unitdp": "4"} if write_template(entity) in FOUR_DECIMALS else None
    outbox.mark_sending(batch, key)
    try:
        results = client.write(entity, payloads, method=batch.method, idempotency_key=key, params=params)
    except WriteOutcomeUnknown:
        outbox.mark_unknown(batch)
        _resolve_in_doubt(client, outbox)
        return
    except XeroRequestError as refused:  # the request as a whole (e.g. an unknown id in the path)
        results = [ElementResult(index, False, None, [refused.message]) for index in range(len(payloads))]
    except DayLimitReached:
        raise  # nothing was carried out; the rows stay `sending` and are looked up next time
    except BaseException:
        outbox.mark_unknown(batch)
        raise
    outbox.record_results(batch, results)


def _resolve_in_doubt(client: XeroClient, outbox: Outbox) -> None:
    rows = outbox.in_doubt()
    by_plan: dict[str, list] = {}
    for row in rows:
        by_plan.setdefault(row.plan_hash, []).append(row)
    for plan_hash, waiting in by_plan.items():
        ids = outbox.done_ids(plan_hash)
        found = look_up(client, waiting, ids, lambda entity: outbox.done_rows(plan_hash, entity))
        for row in waiting:
            outbox.resolve_looked_up(row.outbox_id, found[row.outbox_id])


def _report(outbox: Outbox, kind: str, on_progress: Progress) -> None:
    states = outbox.status().get(kind, {})
    on_progress(kind, sum(states.get(state, 0) for state in FINISHED), sum(states.values()))


def _outcome(outbox: Outbox, stopped: str | None = None, resume_at: datetime | None = None) -> PushOutcome:
    by_kind = outbox.status()
    counts: dict[str, int] = {}
    for states in by_kind.values():
        for state, rows in states.items():
            counts[state] = counts.get(state, 0) + rows
    return PushOutcome(counts, by_kind, stopped, resume_at)
