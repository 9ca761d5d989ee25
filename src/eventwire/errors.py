"""One error tree for eventwire, with coded one-line messages per stage.

Codes: E1xx ingest, E2xx clean, E3xx annotate, E4xx extract, E5xx store, E6xx serve/CLI.
``str(error)`` is a single line naming the input, fit for stderr without a traceback.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, name: str | None = None) -> None:
        self.name = name
        self.message = " ".join(message.split())
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = f"{self.name}: " if self.name else ""
        return f"{where}{self.message} [{self.code}]"


class IngestError(EventwireError):
    """An input could not be read or decoded."""

    code = "E100"


class InputMissing(IngestError):
    code = "E101"


class InputEmpty(IngestError):
    code = "E102"


class InputBinary(IngestError):
    code = "E103"


class InputEncoding(IngestError):
    code = "E104"


class InputFormat(IngestError):
    code = "E105"


class CleanError(EventwireError):
    """No article text could be recovered from an input."""

    code = "E200"


class AnnotateError(EventwireError):
    """The spaCy model is missing or failed."""

    code = "E300"


class ModelMissing(AnnotateError):
    code = "E301"


class ExtractError(EventwireError):
    code = "E400"


class StoreError(EventwireError):
    """The database could not be opened, written or queried."""

    code = "E500"


class UsageError(EventwireError):
    code = "E600"
