"""The Xero Accounting API client: settings, sign-in, pacing, paging, batched writes.

    from sync.xero import XeroClient, XeroSettings
    with XeroClient(XeroSettings.from_env()) as xero:
        for invoice in xero.iter_records("Invoices", modified_since=last_run):
            ...
"""

from sync.xero.client import XeroClient
from sync.xero.dates import format_if_modified_since, parse_date, parse_datetime
from sync.xero.errors import (
    DayLimitReached,
    WriteOutcomeUnknown,
    XeroAuthError,
    XeroConfigError,
    XeroError,
    XeroRequestError,
    XeroUnavailable,
)
from sync.xero.results import ElementResult
from sync.xero.settings import XeroSettings
from sync.xero.tokens import FileTokenStore, KeyringTokenStore, Token, TokenStore, default_token_store

__all__ = [
    "DayLimitReached",
    "ElementResult",
    "FileTokenStore",
    "KeyringTokenStore",
    "Token",
    "TokenStore",
    "WriteOutcomeUnknown",
    "XeroAuthError",
    "XeroClient",
    "XeroConfigError",
    "XeroError",
    "XeroRequestError",
    "XeroSettings",
    "XeroUnavailable",
    "default_token_store",
    "format_if_modified_since",
    "parse_date",
    "parse_datetime",
]
