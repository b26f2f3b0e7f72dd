"""The exception tree. Only `cli.py` turns these into messages and exit codes.

Every error the tool expects (bad input, a broken user template, an output it cannot render) is an
`ExportError`; anything else that escapes is a bug and shows its traceback.
"""

from __future__ import annotations


class ExportError(Exception):
    """Root of every expected failure. `category` names the kind for the one-line message."""

    category = "error"

    def __init__(self, message: str, *, subject: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.subject = subject
        """What the error is about (a file name, a template name); shown before the message."""

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        # Errors cross process boundaries (pack outputs render in a process pool); the
        # subclasses' constructors differ, so rebuild from the instance's fields instead.
        return _rebuild, (type(self), self.args, dict(self.__dict__))

    def one_line(self) -> str:
        """Return `<subject>: <category>: <message>` on one line, with no traceback."""
        text = " ".join(self.message.split())
        prefix = f"{self.subject}: " if self.subject else ""
        return f"{prefix}{self.category}: {text}"


class SourceError(ExportError):
    """An input file cannot be read: missing, empty, binary, unknown format, too large."""

    category = "unreadable"

    def __init__(self, path: str, message: str, *, line: int | None = None) -> None:
        subject = f"{path}:{line}" if line is not None else path
        super().__init__(message, subject=subject)
        self.path = path
        self.line = line


class LimitError(SourceError):
    """An input exceeds a documented, configurable limit (size, paragraph length, archive)."""

    category = "too large"


class TemplateError(ExportError):
    """A template fails: syntax, undefined variable, sandbox violation, invalid block document."""

    category = "template"

    def __init__(self, name: str, message: str, *, line: int | None = None) -> None:
        subject = f"{name}:{line}" if line is not None else name
        super().__init__(message, subject=subject)
        self.name = name
        self.line = line


class RenderError(ExportError):
    """A writer cannot turn a block document into its format."""

    category = "render"

    def __init__(self, format: str, message: str, *, block: str | None = None) -> None:
        where = f" (in {block})" if block else ""
        super().__init__(f"{format}: {message}{where}")
        self.format = format
        self.block = block


class OutputError(ExportError):
    """An output cannot be written (disk full, permission denied, read-only folder)."""

    category = "cannot write"


class ConfigError(ExportError):
    """Options or configuration that contradict each other or name what does not exist."""

    category = "config"


class ClusterError(ExportError):
    """The Dask cluster given by `--scheduler` cannot be reached or lost an article's task."""

    category = "cluster"


def _rebuild(cls: type[ExportError], args: tuple[object, ...],
             state: dict[str, object]) -> ExportError:
    """Return an unpickled `ExportError` of class `cls` (see `ExportError.__reduce__`)."""
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error
