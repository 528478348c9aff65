"""A build replaces the previous site whole, or not at all.

MkDocs empties the output folder before it writes the first page, and in strict mode
aborts on a warning only after the last one is written: a warning (a link a page could
not resolve, say) left the previous site replaced by a failed one. So the build writes
into a folder of its own inside the output folder, and its files take the place of the
previous ones only once the build has ended without an error and, in strict mode,
without a warning.

The swap moves entries *within* the output folder, never the folder itself: it may be a
symbolic link, a mount point, or the working folder of a server, and its parent may not be
writable; every move is a rename on one file system.
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

STAGING = ".duizhao-building"
"""The folder inside the output folder that a build writes into."""
PREVIOUS = ".duizhao-previous"
"""Where the previous site's files wait while the new ones move in (gone once they have)."""

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
    strict: bool
    _count: _Count = field(default_factory=_Count)

    @property
    def staging(self) -> Path:
        return self.final / STAGING

    @classmethod
    def begin(cls, site_dir: str, strict: bool) -> StagedOutput:
        """Start counting warnings; the build is to write into the returned ``staging`` folder.

        A symbolic link is followed: the files of the folder it names are replaced, the link stays.
        """
        final = Path(site_dir).resolve()
        final.mkdir(parents=True, exist_ok=True)
        staged = cls(final, strict)
        for leftover in (staged.staging, final / PREVIOUS):  # what a killed build left
            shutil.rmtree(leftover, ignore_errors=True)
        staged.staging.mkdir()
        logging.getLogger("mkdocs").addHandler(staged._count)
        _OPEN.append(staged)
        return staged

    @staticmethod
    def open_builds() -> tuple[StagedOutput, ...]:
        return tuple(_OPEN)

    def warnings(self) -> int:
        """Warnings of this build: MkDocs's own count where it keeps one (from its first event
        on), else those seen since ``begin``."""
        counted = [handler.get_counts() for handler in logging.getLogger("mkdocs").handlers
                   if hasattr(handler, "get_counts")]
        return sum(n for counts in counted for _, n in counts) if counted else self._count.warnings

    def publish(self) -> bool:
        """Put the new site in the previous one's place, unless a warning fails a strict build.

        Returns whether it did; the staging folder is gone either way. Should a move fail
        halfway, the previous site is put back and the error raised.
        """
        warned = self.strict and self.warnings()
        self._close()
        if warned:
            shutil.rmtree(self.staging, ignore_errors=True)
            return False
        previous = self.final / PREVIOUS
        previous.mkdir()
        ours = {STAGING, PREVIOUS}
        moved_out, moved_in = [], []
        try:
            for entry in sorted(self.final.iterdir()):
                if entry.name not in ours:
                    os.replace(entry, previous / entry.name)
                    moved_out.append(entry.name)
            for entry in sorted(self.staging.iterdir()):
                os.replace(entry, self.final / entry.name)
                moved_in.append(entry.name)
        except OSError:
            for name in moved_in:
                _remove(self.final / name)
            for name in moved_out:
                os.replace(previous / name, self.final / name)
            raise
        finally:
            shutil.rmtree(self.staging, ignore_errors=True)
            shutil.rmtree(previous, ignore_errors=True)
        return True

    def discard(self) -> None:
        """Drop the staging folder after a failed build; the output is as it was."""
        self._close()
        shutil.rmtree(self.staging, ignore_errors=True)

    def _close(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self._count)
        if self in _OPEN:
            _OPEN.remove(self)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()
