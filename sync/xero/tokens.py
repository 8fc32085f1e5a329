"""Where tokens live between runs: the OS keyring, or a 0600 JSON file when no keyring works.

Tokens are never logged and never written to the workspace. `Token`'s repr leaves the secrets
out, so a token in a log line or a traceback shows only when it expires.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Protocol

import keyring
import keyring.errors
import platformdirs

from sync.xero.errors import XeroConfigError

SERVICE = "recon-xero"


@dataclass(frozen=True)
class Token:
    access_token: str = field(repr=False)
    expires_at: float
    refresh_token: str | None = field(default=None, repr=False)
    scope: str = ""
    tenant_ids: tuple[str, ...] = ()

    @classmethod
    def from_response(cls, response: dict, now: float, tenant_ids: tuple[str, ...] = ()) -> Token:
        """From a token endpoint answer (`access_token`, `expires_in`, `refresh_token`, `scope`)."""
        return cls(
            access_token=response["access_token"],
            expires_at=now + float(response.get("expires_in", 1800)),
            refresh_token=response.get("refresh_token"),
            scope=response.get("scope", ""),
            tenant_ids=tenant_ids,
        )

    def is_fresh(self, now: float, leeway: float = 60.0) -> bool:
        return now < self.expires_at - leeway

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Token:
        data = json.loads(text)
        data["tenant_ids"] = tuple(data.get("tenant_ids", ()))
        return cls(**data)


class TokenStore(Protocol):
    def load(self, key: str) -> Token | None: ...

    def save(self, key: str, token: Token) -> None: ...

    def delete(self, key: str) -> None: ...


class KeyringTokenStore:
    """The OS keyring (macOS Keychain, Windows Credential Locker, Secret Service)."""

    def load(self, key: str) -> Token | None:
        try:
            text = keyring.get_password(SERVICE, key)
        except keyring.errors.KeyringError as error:
            raise XeroConfigError(f"The system keyring could not be read ({error}); unlock it and try again.") from None
        return Token.from_json(text) if text else None

    def save(self, key: str, token: Token) -> None:
        keyring.set_password(SERVICE, key, token.to_json())

    def delete(self, key: str) -> None:
        try:
            keyring.delete_password(SERVICE, key)
        except keyring.errors.PasswordDeleteError:
            pass

    def __repr__(self) -> str:
        return "KeyringTokenStore()"


class FileTokenStore:
    """One JSON file readable only by its owner (0600), replaced atomically on every save."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def load(self, key: str) -> Token | None:
        text = self._read().get(key)
        return Token.from_json(text) if text else None

    def save(self, key: str, token: Token) -> None:
        entries = self._read()
        entries[key] = token.to_json()
        self._write(entries)

    def delete(self, key: str) -> None:
        entries = self._read()
        if entries.pop(key, None) is not None:
            self._write(entries)

    def _read(self) -> dict[str, str]:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except ValueError:
            raise XeroConfigError(f"{self.path} is damaged; delete it and run `recon connect` again.") from None

    def _write(self, entries: dict[str, str]) -> None:
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".tokens-", suffix=".tmp")
        try:
            os.chmod(temporary, 0o600)
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump(entries, file)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def __repr__(self) -> str:
        return f"FileTokenStore({str(self.path)!r})"


def config_dir() -> Path:
    """recon's per-user config folder (tokens file, refresh lock)."""
    return platformdirs.user_config_path("recon", appauthor=False)


def default_token_store() -> TokenStore:
    """The keyring when a real backend is available, else `xero-tokens.json` in the user config dir."""
    backend = keyring.get_keyring()
    if getattr(backend, "priority", 0) > 0 and "fail" not in type(backend).__module__:
        return KeyringTokenStore()
    return FileTokenStore(config_dir() / "xero-tokens.json")
