"""One result per element written, in the order sent, with Xero's own validation messages."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ElementResult:
    index: int
    ok: bool
    record: dict | None
    errors: list[str] = field(default_factory=list)


def element_results(elements: list, count: int) -> list[ElementResult] | None:
    """From a 200 answer with `summarizeErrors=false`; None if it does not line up with what was sent."""
    if len(elements) != count:
        return None
    results = []
    for index, element in enumerate(elements):
        errors = messages(element)
        failed = bool(errors) or element.get("StatusAttributeString") == "ERROR"
        if failed and not errors:
            errors = ["Xero marked this element as an error without a message"]
        results.append(ElementResult(index, not failed, element, errors))
    return results


def rejected_results(body: dict, count: int) -> list[ElementResult]:
    """From a 400 ValidationException: per element when Xero names each one, else the same message for all."""
    elements = body.get("Elements") or []
    if len(elements) == count:
        return [
            ElementResult(index, False, element, messages(element) or [error_message(body)])
            for index, element in enumerate(elements)
        ]
    return [ElementResult(index, False, None, [error_message(body)]) for index in range(count)]


def messages(element: dict) -> list[str]:
    return [error["Message"] for error in element.get("ValidationErrors") or [] if error.get("Message")]


def error_message(body: object) -> str:
    """Xero's words from an error body: API exceptions (`Message`, `Elements`) or problem JSON (`Detail`)."""
    if not isinstance(body, dict):
        return str(body).strip()[:300] or "no message"
    found = [message for element in body.get("Elements") or [] for message in messages(element)]
    if found:
        return "; ".join(dict.fromkeys(found))
    for name in ("Message", "Detail", "detail", "Title", "title", "error_description", "error"):
        if body.get(name):
            return str(body[name])
    return "no message"
