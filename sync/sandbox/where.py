"""Xero's `where` filter: the forms an integration uses, compiled to a Python predicate.

    Status=="AUTHORISED" AND Type!="ACCPAY"
    Date>=DateTime(2024,01,01) && Date<DateTime(2024, 02, 01)
    Contact.ContactID==guid("6d0b...")  OR  (Name.Contains("Tails") AND IsCustomer==true)

String equality ignores case, as Xero's does. A malformed filter raises WhereError.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Callable

Predicate = Callable[[dict], bool]

_TOKEN = re.compile(r"""
    \s*(?:
      (?P<string>"(?:[^"\\]|\\.)*")
    | (?P<op>==|!=|>=|<=|>|<|=|&&|\|\||!|\(|\)|,|\.)
    | (?P<number>-?\d+(?:\.\d+)?)
    | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
    )""", re.VERBOSE)


class WhereError(ValueError):
    pass


def compile_where(text: str) -> Predicate:
    parser = _Parser(_tokenize(text))
    predicate = parser.expression()
    if parser.peek() is not None:
        raise WhereError(f"unexpected {parser.peek()[1]!r} in where filter")
    return predicate


def _tokenize(text: str) -> list[tuple[str, str]]:
    tokens = []
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            raise WhereError(f"cannot read the where filter at {text[position:position + 20]!r}")
        kind = match.lastgroup
        tokens.append((kind, match.group(kind)))
        position = match.end()
    return tokens


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.index = 0

    def peek(self):
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self, value: str | None = None) -> tuple[str, str]:
        token = self.peek()
        if token is None or (value is not None and token[1].upper() != value.upper()):
            raise WhereError(f"expected {value or 'more'} in where filter")
        self.index += 1
        return token

    def accept(self, *values: str) -> bool:
        token = self.peek()
        if token is not None and token[1].upper() in values:
            self.index += 1
            return True
        return False

    def expression(self) -> Predicate:
        terms = [self.term()]
        while self.accept("OR", "||"):
            terms.append(self.term())
        return terms[0] if len(terms) == 1 else (lambda record: any(term(record) for term in terms))

    def term(self) -> Predicate:
        factors = [self.factor()]
        while self.accept("AND", "&&"):
            factors.append(self.factor())
        return factors[0] if len(factors) == 1 else (lambda record: all(f(record) for f in factors))

    def factor(self) -> Predicate:
        if self.accept("NOT", "!"):
            inner = self.factor()
            return lambda record: not inner(record)
        if self.accept("("):
            inner = self.expression()
            self.take(")")
            return inner
        return self.comparison()

    def comparison(self) -> Predicate:
        path = [self.take()[1]]
        while self.accept("."):
            name = self.take()[1]
            if self.accept("("):
                argument = self.value()
                self.take(")")
                return _method(path, name, argument)
            path.append(name)
        token = self.peek()
        if token is None or token[1] not in ("==", "!=", ">=", "<=", ">", "<", "="):
            return lambda record: _lookup(record, path) is True  # a bare boolean field
        operator = self.take()[1]
        return _compare(path, "==" if operator == "=" else operator, self.value())

    def value(self):
        kind, text = self.take()
        if kind == "string":
            return _unquote(text)
        if kind == "number":
            return Decimal(text)
        upper = text.upper()
        if upper in ("TRUE", "FALSE"):
            return upper == "TRUE"
        if upper in ("NULL", "NOTHING"):
            return None
        if upper == "GUID":
            self.take("(")
            value = _unquote(self.take()[1])
            self.take(")")
            return value
        if upper == "DATETIME":
            self.take("(")
            parts = [int(self.take()[1])]
            while self.accept(","):
                parts.append(int(self.take()[1]))
            self.take(")")
            return datetime(*parts, tzinfo=timezone.utc)
        raise WhereError(f"unexpected {text!r} in where filter")


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text[1:-1])


def _lookup(record: dict, path: list[str]):
    value = record
    for name in path:
        if not isinstance(value, dict):
            return None
        value = value.get(name)
    return value


def _comparable(actual, expected):
    """Bring a record value and a filter value to one type (dates, text, numbers)."""
    if isinstance(expected, datetime):
        if isinstance(actual, datetime):
            return actual, expected
        if isinstance(actual, date):
            return actual, expected.date()
        return None, expected
    if isinstance(expected, str) and isinstance(actual, str):
        return actual.lower(), expected.lower()
    if isinstance(expected, Decimal) and isinstance(actual, (int, Decimal)) and not isinstance(actual, bool):
        return Decimal(actual), expected
    return actual, expected


_OPERATORS = {
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    ">=": lambda a, b: a >= b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    "<": lambda a, b: a < b,
}


def _compare(path: list[str], operator: str, expected) -> Predicate:
    check = _OPERATORS[operator]

    def predicate(record: dict) -> bool:
        actual, wanted = _comparable(_lookup(record, path), expected)
        if actual is None or wanted is None:
            return check(actual, wanted) if operator in ("==", "!=") else False
        try:
            return check(actual, wanted)
        except TypeError:
            return operator == "!="

    return predicate


def _method(path: list[str], name: str, argument) -> Predicate:
    tests = {
        "CONTAINS": lambda text, part: part in text,
        "STARTSWITH": lambda text, part: text.startswith(part),
        "ENDSWITH": lambda text, part: text.endswith(part),
    }
    test = tests.get(name.upper())
    if test is None or not isinstance(argument, str):
        raise WhereError(f"unsupported where method {name}")
    wanted = argument.lower()

    def predicate(record: dict) -> bool:
        value = _lookup(record, path)
        return isinstance(value, str) and test(value.lower(), wanted)

    return predicate
