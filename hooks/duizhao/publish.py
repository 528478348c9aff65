"""A build replaces the previous site whole, or not at all.

MkDocs empties the output folder before it writes the first page, and in strict mode
aborts on a warning only after the last one is written: a warning (a link a page could
not resolve, say) left the previous site replaced by a failed one. So the build writes
into a folder beside the output, and that folder takes the output's place only once the
build has ended without an error, and, in strict mode, without a warning.
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

_OPEN: list[StagedOutput] = []
"""Builds begun and not yet published or discarded: MkDocs reports a failed build without
its config, so the staging folders to drop are found here."""


class _Count(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.warnings = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.warnings += 1


@dataclass(eq=False)  # one build is one object: found in _OPEN by identity
class StagedOutput:
    """The output folder (``final``) and the folder a build writes into instead (``staging``)."""

    final: Path
    staging: Path
    strict: bool
    _count: _Count = field(default_factory=_Count)

    @classmethod
    def begin(cls, site_dir: str, strict: bool) -> StagedOutput:
        """Start counting warnings; the build is to write into the returned ``staging`` folder.

        >>> staged = StagedOutput.begin("/srv/www/site", strict=True)
        >>> str(staged.staging)
        '/srv/www/.site.building'
        >>> staged.discard()
        """
        final = Path(site_dir)
        staged = cls(final, final.parent / f".{final.name}.building", strict)
        shutil.rmtree(staged.staging, ignore_errors=True)  # what a killed build left
        logging.getLogger("mkdocs").addHandler(staged._count)
        _OPEN.append(staged)
        return staged

    @staticmethod
    def open_builds() -> tuple[StagedOutput, ...]:
        return tuple(_OPEN)

    def publish(self) -> bool:
        """Put the new site in the output's place, unless a warning fails a strict build.

        Returns whether it did; the staging folder is gone either way.
        """
        self._close()
        if self.strict and self._count.warnings:
            shutil.rmtree(self.staging, ignore_errors=True)
            return False
        old = self.final.parent / f".{self.final.name}.old"
        shutil.rmtree(old, ignore_errors=True)
        if self.final.exists():
            os.replace(self.final, old)
        os.replace(self.staging, self.final)
        shutil.rmtree(old, ignore_errors=True)
        return True

    def discard(self) -> None:
        """Drop the staging folder after a failed build; the output is as it was."""
        self._close()
        shutil.rmtree(self.staging, ignore_errors=True)

    def _close(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self._count)
        if self in _OPEN:
            _OPEN.remove(self)
