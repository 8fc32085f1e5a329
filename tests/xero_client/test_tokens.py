"""The token store: keyring or a 0600 file; secrets never in repr."""

import stat

import keyring
import keyring.core
import keyring.errors
import pytest
from keyring.backends import fail

from sync.xero import FileTokenStore, KeyringTokenStore, Token, XeroConfigError, default_token_store

TOKEN = Token("access-secret-value", 1_800_000_000.0, "refresh-secret-value", "offline_access", ("t-1",))


def test_repr_shows_no_secret():
    assert "secret-value" not in repr(TOKEN) and "secret-value" not in str(TOKEN)
    assert "expires_at" in repr(TOKEN)


def test_file_store_round_trip_and_owner_only(tmp_path):
    store = FileTokenStore(tmp_path / "config" / "xero-tokens.json")
    assert store.load("k") is None
    store.save("k", TOKEN)
    store.save("other", TOKEN)
    assert store.load("k") == TOKEN
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700
    store.delete("k")
    assert store.load("k") is None and store.load("other") == TOKEN
    assert list(store.path.parent.iterdir()) == [store.path], "no temporary files left behind"


def test_file_store_save_is_atomic(tmp_path, monkeypatch):
    store = FileTokenStore(tmp_path / "xero-tokens.json")
    store.save("k", TOKEN)
    monkeypatch.setattr("json.dump", lambda *a, **k: (_ for _ in ()).throw(OSError("disk full")))
    try:
        store.save("k", Token("new", 1.0, "new-refresh"))
    except OSError:
        pass
    assert store.load("k") == TOKEN
    assert list(tmp_path.iterdir()) == [store.path]


def test_without_a_keyring_the_file_is_used(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    store = default_token_store()
    assert isinstance(store, FileTokenStore) and store.path.is_relative_to(tmp_path)


def test_with_a_keyring_it_is_used(monkeypatch):
    class Memory(keyring.backend.KeyringBackend):
        priority = 5
        values: dict = {}

        def get_password(self, service, username):
            return self.values.get((service, username))

        def set_password(self, service, username, password):
            self.values[(service, username)] = password

        def delete_password(self, service, username):
            if self.values.pop((service, username), None) is None:
                raise keyring.errors.PasswordDeleteError(username)

    backend = Memory()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    store = default_token_store()
    assert isinstance(store, KeyringTokenStore)
    store.save("k", TOKEN)
    assert store.load("k") == TOKEN
    store.delete("k")
    store.delete("k")
    assert store.load("k") is None


def test_a_damaged_token_file_is_one_sentence(tmp_path):
    store = FileTokenStore(tmp_path / "xero-tokens.json")
    store.path.write_text("{not json")
    with pytest.raises(XeroConfigError, match="delete it") as caught:
        store.load("k")
    assert caught.value.exit_code == 2
