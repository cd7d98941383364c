"""The project's exceptions. Every message names the file, line or document and what would be valid."""

from __future__ import annotations


class DetenteError(Exception):
    """Base class of every error detente raises on purpose."""


def _where(file: str | None, line: int | None) -> str:
    """``file:line: `` (or ``file: ``) to start a message with, empty without a file."""
    if not file:
        return ""
    return f"{file}:{line}: " if line else f"{file}: "


class ConfigError(DetenteError):
    """A configuration, pattern or actor file is malformed."""

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None):
        self.file = file
        self.line = line
        super().__init__(_where(file, line) + message)


class IngestError(DetenteError):
    """An input could not be turned into an article. `reason` is a stable code stored with it."""

    def __init__(self, reason: str, message: str, *, file: str | None = None, line: int | None = None):
        self.reason = reason
        self.detail = message
        self.file = file
        self.line = line
        super().__init__(_where(file, line) + message)


class StoreError(DetenteError):
    """The store cannot be opened, migrated or written (e.g. locked by another process)."""


class ModelError(DetenteError):
    """The spaCy pipeline named in the options is not installed or not usable."""
