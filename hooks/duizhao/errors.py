"""One error type for bad input, always carrying the file (and line or field) it concerns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located precisely enough for a curator to fix it."""

    path: str
    """File the problem is in, relative to the project root where possible."""
    message: str
    """What is wrong, in the curator's terms."""
    line: int | None = None
    """1-based line number, when the problem sits on a line."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class InputError(Exception):
    """Raised with every problem found, so the curator sees them all at once."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def fail(path: str, message: str, line: int | None = None) -> InputError:
    """Shorthand for an error with a single problem."""
    return InputError([Problem(path, message, line)])
