"""Data passed between stages. Every class is frozen: a stage never mutates its input."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    """A piece of source text and where it came from."""

    number: int
    """1-based line in the raw file where this text starts."""
    text: str
    """The text, without its line end."""
    kind: str = "paragraph"
    """What the line is once cleaning has structured it: ``paragraph``, ``heading``,
    ``item`` (of a list), ``quote`` or ``code`` (as typed). Raw lines are all ``paragraph``."""
    merged: tuple[int, ...] = ()
    """Further source lines a fixer joined into this one (subtitle phrases, split headings)."""


@dataclass(frozen=True)
class Change:
    """One edit a fixer made, kept so that nothing the user wrote is lost silently."""

    fixer: str
    """Name of the fixer function that made the edit."""
    line: int
    """1-based source line the edit touched."""
    action: str
    """``removed`` (the text is gone from the page), ``changed``, ``merged`` or ``split``."""
    before: str
    """The text before the edit."""
    after: str = ""
    """The text after the edit (empty for ``removed``)."""


@dataclass(frozen=True)
class Sentence:
    """An English sentence: the unit Chinese paragraphs are aligned to."""

    id: str
    """Stable anchor derived from the text (``en-…``)."""
    text: str
    """The sentence as shown."""
    line: int
    """Source line the sentence came from."""


@dataclass(frozen=True)
class Block:
    """A paragraph-level piece of a cleaned text: what the page shows as one unit."""

    id: str
    """Stable anchor derived from the text (``zh-…`` or ``en-…``)."""
    kind: str
    """``paragraph``, ``heading``, ``item`` (of a list) or ``quote``."""
    text: str
    """The text; for Chinese always in Simplified script."""
    lines: tuple[int, ...]
    """Source lines the block was made from."""
    text_hant: str = ""
    """Traditional rendering of a Chinese block (empty for English)."""
    sentences: tuple[Sentence, ...] = ()
    """English sentences of the block (empty for Chinese)."""


@dataclass(frozen=True)
class CleanText:
    """One source file after cleaning, with the record of what cleaning did."""

    path: str
    """The raw file this came from."""
    language: str
    """``zh`` or ``en``."""
    blocks: tuple[Block, ...]
    """The cleaned text in reading order."""
    changes: tuple[Change, ...]
    """Every edit the fixers made, in the order they made them."""
    script: str = ""
    """For Chinese: ``hans`` or ``hant``, the script the file was received in."""


@dataclass(frozen=True)
class ArticleMeta:
    """What ``meta.yml`` says about an article."""

    slug: str
    """Folder name under ``translations/``; also the page address."""
    title_zh: str
    """Title of the Chinese text, in Simplified script."""
    title_en: str
    """Title of the English original."""
    author: str
    """Author of the English original."""
    publisher: str
    """Who published the Chinese text (a media outlet or channel)."""
    script: str
    """Script the Chinese file was received in: ``hans`` or ``hant``."""
    original_url: str = ""
    """Where the English original lives, when known."""
    zh_url: str = ""
    """Where the Chinese text lives, when known."""
    date: str = ""
    """Publication date of the Chinese text (ISO ``YYYY-MM-DD``), when known."""


@dataclass(frozen=True)
class Link:
    """A bead of the alignment: Chinese paragraphs that express these English sentences."""

    zh: tuple[str, ...]
    """Ids of the Chinese blocks (usually one; several when a sentence is spread over lines)."""
    en: tuple[str, ...]
    """Ids of the English sentences, in source order."""
    score: float
    """Confidence in ``[0, 1]``."""
    confident: bool = True
    """False when the score is under the confidence threshold: the page marks such links."""
    pinned: bool = False
    """True when a curator fixed this link in ``overrides.yml``."""


@dataclass(frozen=True)
class Alignment:
    """How a Chinese text maps onto its English source."""

    links: tuple[Link, ...]
    """Links in Chinese reading order."""
    additions: tuple[str, ...] = ()
    """Chinese block ids with no source: the summary's own additions."""
    omissions: tuple[str, ...] = ()
    """English sentence ids that no Chinese block expresses."""
    unrelated: str = ""
    """Why the English seems not to be the source of the Chinese at all (then nothing is
    linked); empty when it is."""
    unsure: str = ""
    """Why it cannot be told whether the English is the source (too few clear matches): the
    links are then all marked uncertain. Empty when it can, or when a curator pinned a link."""


@dataclass(frozen=True)
class Article:
    """An article after cleaning: metadata, Chinese text, and the English original if present."""

    meta: ArticleMeta
    zh: CleanText
    en: CleanText | None = None
    overrides_path: str = ""
    """The article's ``overrides.yml`` (empty when it has none)."""
    alignment: Alignment | None = None
    """Present when the article has an English source."""
    title_hant: str = ""
    """The Chinese title in Traditional script (``meta.title_zh`` is always Simplified)."""

    @property
    def title_traditional(self) -> str:
        """The title as the page shows it in Traditional (Simplified where none was made)."""
        return self.title_hant or self.meta.title_zh


@dataclass(frozen=True)
class Corpus:
    """Everything the site is built from."""

    articles: tuple[Article, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class SpamFragment:
    """A keyword fragment the curator knows was injected into an article as SEO spam."""

    text: str
    """The injected fragment, e.g. ``斯隆``."""
    keep: tuple[str, ...] = ()
    """Longer phrases in which the fragment is genuine (``斯隆奖得主``): left untouched."""
    at: int = 0
    """Line in ``overrides.yml`` that declares it (for error messages)."""


@dataclass(frozen=True)
class TextFix:
    """A curator's correction of text that no fixer can repair (e.g. mojibake)."""

    line: int
    """Source line of the raw Chinese or English file the fix applies to."""
    find: str
    """Exact text to replace on that line."""
    replace: str
    """What it should read."""
    file: str = "zh"
    """``zh`` or ``en``: which of the article's texts the line belongs to."""
    at: int = 0
    """Line in ``overrides.yml`` that declares it."""


@dataclass(frozen=True)
class PinnedLink:
    """A curator's decision that a Chinese paragraph expresses exactly these English sentences."""

    zh: str
    """Anchor of the Chinese paragraph (``zh-…``)."""
    en: tuple[str, ...]
    """Anchors of the English sentences; empty means the paragraph has no source."""
    at: int = 0
    """Line in ``overrides.yml`` that declares it."""


@dataclass(frozen=True)
class Overrides:
    """Everything a curator declared in an article's ``overrides.yml``."""

    path: str = ""
    spam: tuple[SpamFragment, ...] = ()
    fixes: tuple[TextFix, ...] = ()
    links: tuple[PinnedLink, ...] = ()
