"""An interview's turns: who speaks each sentence of a transcript, and where each turn starts;
and the labels of a Chinese Q&A digest (问：, 答：) that render them.

A transcript names its speaker at the start of a turn (``Maya Lin: Why do you think…``); the
sentences after it are that speaker's until the next name. A digest of the interview rewrites
the interviewer's turn as a short question and the guest's as its answer, so the turns place
what the words alone cannot (``aligner._place_questions``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_SPEAKER = re.compile(r"^(?:\[?\d{1,2}(?::\d{2}){1,2}\]?\s+)?([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s*:\s+\S")
"""A speaker's name opening a turn: ``Maya Lin: Why do you think…``, after its time where a
flattened page kept it (``02:10 Maya Lin: So let's start…``)."""
_QUESTION = re.compile(r"^\s*[【\[(（]?(?:问|Q|提问)[】\])）]?\s*[:：]")
_ANSWER = re.compile(r"^\s*[【\[(（]?(?:答|A|回答)[】\])）]?\s*[:：]")


def is_question(text: str) -> bool:
    """Whether a Chinese line is a digest's question: ``问：…``, ``Q：…``, ``【问】…``."""
    return bool(_QUESTION.match(text))


def is_answer(text: str) -> bool:
    """Whether a Chinese line is a digest's answer: ``答：…``, ``A：…``."""
    return bool(_ANSWER.match(text))


@dataclass(frozen=True)
class Turns:
    """The speaker of each sentence of a transcript (None before the first name)."""

    speakers: tuple[str | None, ...]
    opens: tuple[bool, ...]
    """Whether the sentence names its speaker, opening a turn."""

    @classmethod
    def read(cls, sentences: Sequence[str]) -> Turns:
        """The turns of a transcript's sentences.

        >>> turns = Turns.read(["Maya Lin: Why?", "Tell me.", "Tobias Wendt: Timing.", "Mostly.", "Maya Lin: Right."])
        >>> turns.speakers
        ('Maya Lin', 'Maya Lin', 'Tobias Wendt', 'Tobias Wendt', 'Maya Lin')
        >>> turns.start(3), turns.start(1), turns.found
        (2, 0, True)
        """
        speakers, opens, current = [], [], None
        for sentence in sentences:
            label = _SPEAKER.match(sentence)
            current = label.group(1) if label else current
            speakers.append(current)
            opens.append(bool(label))
        return cls(tuple(speakers), tuple(opens))

    @property
    def found(self) -> bool:
        """Whether the text is a transcript at all: two named turns at least."""
        return sum(self.opens) >= 2

    def start(self, j: int) -> int:
        """The first sentence of the turn holding sentence ``j``."""
        while j > 0 and not self.opens[j] and self.speakers[j - 1] == self.speakers[j]:
            j -= 1
        return j
