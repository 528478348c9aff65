"""Themes that run across the essays, and which paragraphs speak of them.

A theme is defined in ``translations/themes.yml`` by weighted bilingual terms. A
paragraph is about a theme when the weights of the terms found in it add up to the
theme's threshold. Each term counts once, however many times and in however many
languages it occurs: ``飞轮`` in the Chinese and ``flywheel`` in the English sentences
the paragraph expresses are one piece of evidence, not two. Weak terms (``发布``,
``压力``) fall below the threshold alone and need company; negative terms (``动量``,
``value function``) name the other senses of a word and pull a paragraph out.

Every tag keeps the terms that earned it, so the build report and the theme pages
can say why a paragraph is there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import InputError, Problem, fail
from .glossary import find_phrases, fields_of, line_of, read_entries, text_of, texts_of
from .ingest import display_path, load_yaml
from .markup import quotation
from .model import Article, Block, Corpus, Sentence

DEFAULT_THRESHOLD = 3


@dataclass(frozen=True)
class ThemeTerm:
    """A piece of evidence for a theme, in the ways each language writes it."""

    phrases: tuple[str, ...]
    """Chinese and English spellings; any one of them found counts the term."""
    weight: int
    """What the term adds to a paragraph's score; negative for another sense of a theme word."""
    at: int = 0
    """Line in ``themes.yml`` that declares the term."""


@dataclass(frozen=True)
class Theme:
    """A theme with its own page."""

    id: str
    """Address of the theme page (``themes/<id>.md``)."""
    name_zh: str
    name_en: str
    description_zh: str
    description_en: str
    terms: tuple[ThemeTerm, ...]
    threshold: int = DEFAULT_THRESHOLD
    """Score a paragraph needs to be tagged."""
    related: tuple[str, ...] = ()
    """Ids of related themes."""
    at: int = 0
    """Line in ``themes.yml`` that declares the theme."""


@dataclass(frozen=True)
class Evidence:
    """One term found in a paragraph: the reason, or part of it, for a tag."""

    weight: int
    zh: tuple[str, ...] = ()
    """Spellings found in the Chinese paragraph."""
    en: tuple[str, ...] = ()
    """Spellings found in the English sentences the paragraph expresses."""

    def __str__(self) -> str:
        """
        >>> str(Evidence(3, ("飞轮",), ("flywheel",)))
        '飞轮 / en: flywheel +3'
        """
        found = list(self.zh) + [f"en: {p}" for p in self.en]
        return f"{' / '.join(found)} {self.weight:+d}"

    @property
    def words(self) -> str:
        """The spellings found, as a reader reads them: the Chinese, then English ones that differ.

        >>> Evidence(1, ("发布",), ("release",)).words, Evidence(2, ("RewardBench",), ("RewardBench",)).words
        ('发布 release', 'RewardBench')
        """
        return " ".join([*self.zh, *(p for p in self.en if p not in self.zh)])


@dataclass(frozen=True)
class ThemeTag:
    """A paragraph found to be about a theme, and why."""

    theme: Theme
    article: str
    """Slug of the article."""
    block: str
    """Anchor of the Chinese paragraph (``zh-…``)."""
    score: int
    evidence: tuple[Evidence, ...]
    """Every term found, negative ones included, in the order of the theme's terms."""

    @property
    def reason(self) -> str:
        """The evidence in one line, as the report shows it. A term that counts nothing here
        (a weak term found only in the English) is left out: it does not change the sum.

        >>> t = Theme("flywheel", "飞轮", "Flywheel", "", "", ())
        >>> ThemeTag(t, "a", "zh-1", 5, (Evidence(3, ("飞轮",)), Evidence(2, (), ("virtuous cycle",)),
        ...                              Evidence(0, (), ("community",)))).reason
        '飞轮 +3, en: virtuous cycle +2 = 5'
        """
        return ", ".join(str(e) for e in self.evidence if e.weight) + f" = {self.score}"

    @property
    def words(self) -> str:
        """The words that earned the tag, for a reader: no weights, no terms that count against it.

        >>> t = Theme("flywheel", "飞轮", "Flywheel", "", "", ())
        >>> ThemeTag(t, "a", "zh-1", 5, (Evidence(3, ("飞轮",), ("flywheel",)), Evidence(-1, ("动量",)),
        ...                              Evidence(2, (), ("virtuous cycle",)))).words
        '飞轮 flywheel, virtuous cycle'
        """
        return ", ".join(e.words for e in self.evidence if e.weight > 0)


@dataclass(frozen=True)
class ThemeIndex:
    """Every tag of the corpus, in article order then reading order."""

    themes: tuple[Theme, ...]
    tags: tuple[ThemeTag, ...]

    def theme(self, theme_id: str) -> Theme:
        return next(t for t in self.themes if t.id == theme_id)

    def of_theme(self, theme_id: str) -> tuple[ThemeTag, ...]:
        return tuple(t for t in self.tags if t.theme.id == theme_id)

    def of_block(self, article: str, block: str) -> tuple[ThemeTag, ...]:
        """Tags of one paragraph, in the order of the themes."""
        return tuple(t for t in self.tags if t.article == article and t.block == block)

    def of_article(self, article: str) -> tuple[ThemeTag, ...]:
        return tuple(t for t in self.tags if t.article == article)


# --- tagging ----------------------------------------------------------------------------------

def english_for(article: Article, block_id: str) -> tuple[Sentence, ...]:
    """The English sentences a Chinese paragraph expresses, in source order (none without alignment)."""
    return tuple(s for _, s in _placed_english(article, block_id))


def quoted_english(article: Article, block_id: str) -> str:
    """The English a Chinese paragraph expresses as one quotation, with "…" where the source
    has other sentences between them (empty without alignment)."""
    return quotation([(place, s.text) for place, s in _placed_english(article, block_id)])


def _placed_english(article: Article, block_id: str) -> list[tuple[int, Sentence]]:
    if article.alignment is None or article.en is None:
        return []
    wanted = {sid for link in article.alignment.links if block_id in link.zh for sid in link.en}
    return [(place, s) for place, s in enumerate(s for block in article.en.blocks for s in block.sentences)
            if s.id in wanted]


def passages(article: Article) -> tuple[Block, ...]:
    """The Chinese paragraphs that can carry a theme, in reading order.

    Headings are section titles, not passages; a paragraph repeated word for word
    (a headline printed again and again) is one passage, listed where it first occurs.
    """
    seen: set[str] = set()
    out = []
    for block in article.zh.blocks:
        if block.kind == "heading" or block.text in seen:
            continue
        seen.add(block.text)
        out.append(block)
    return tuple(out)


def tag_passage(theme: Theme, chinese: str, english: tuple[str, ...] = ()) -> tuple[int, tuple[Evidence, ...]]:
    """Score one paragraph (its Chinese text and English sentences) for one theme.

    >>> t = Theme("m", "势能", "Momentum", "", "", (ThemeTerm(("势能", "动能", "momentum"), 3), ThemeTerm(("动量",), -4)))
    >>> tag_passage(t, "积累势能(momentum)和动能", ("You use momentum.",))
    (3, (Evidence(weight=3, zh=('势能', 'momentum', '动能'), en=('momentum',)),))
    >>> tag_passage(t, "他学到了很多", ("You use momentum.",))[0]
    2
    >>> tag_passage(t, "带动量的SGD")[0]
    -4
    """
    # Phrases of all terms compete for the text, longest first: in ``倍感压力`` the felt
    # stress is one piece of evidence, not that phrase plus the weaker ``压力`` in it.
    owner = {phrase: i for i, term in enumerate(theme.terms) for phrase in term.phrases}
    found: dict[int, tuple[list[str], list[str]]] = {}
    for slot, text in ((0, chinese), (1, " ".join(english))):
        for span in find_phrases(text, tuple(owner)):
            spellings = found.setdefault(owner[span.phrase], ([], []))[slot]
            if span.phrase not in spellings:
                spellings.append(span.phrase)
    evidence = tuple(Evidence(_weight(theme.terms[i].weight, bool(zh)), tuple(zh), tuple(en))
                     for i, (zh, en) in sorted(found.items()))
    return sum(e.weight for e in evidence), evidence


def _weight(weight: int, in_chinese: bool) -> int:
    """A term found only in the English counts one less.

    The page shows the Chinese paragraph: when the summary does not carry the term,
    the evidence is second-hand, and English sentences (long, sometimes run together)
    often say more than the paragraph aligned to them. Negative terms count in full.
    """
    return weight if in_chinese or weight < 0 else weight - 1


def tag_corpus(corpus: Corpus, themes: tuple[Theme, ...]) -> ThemeIndex:
    """Tag every passage of every article with the themes it reaches the threshold of."""
    tags = []
    for article in corpus.articles:
        for block in passages(article):
            english = tuple(s.text for s in english_for(article, block.id))
            for theme in themes:
                score, evidence = tag_passage(theme, block.text, english)
                if score >= theme.threshold:
                    tags.append(ThemeTag(theme, article.meta.slug, block.id, score, evidence))
    return ThemeIndex(tuple(themes), tuple(tags))


# --- reading themes.yml -----------------------------------------------------------------------

THEME_FIELDS = ("id", "name_zh", "name_en", "description_zh", "description_en", "terms", "threshold", "related")
THEME_REQUIRED = ("id", "name_zh", "name_en", "description_zh", "description_en", "terms")
TERM_FIELDS = ("zh", "en", "weight")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def load_themes(path: Path, display_root: Path) -> tuple[Theme, ...]:
    """Read and validate ``themes.yml``; every problem is reported with its line."""
    display = display_path(path, display_root)
    if not path.exists():
        raise fail(display, "missing: the themes data file does not exist")
    problems: list[Problem] = []
    themes = [_theme(node, found, display, problems)
              for node, found in read_entries(load_yaml(path, display), display, THEME_FIELDS, THEME_REQUIRED, problems)]
    problems += _check_ids(themes, display)
    if problems:
        raise InputError(problems)
    return tuple(themes)


def _theme(node: yaml.Node, found: dict[str, yaml.Node], display: str, problems: list[Problem]) -> Theme:
    texts = {key: text_of(found[key], display, key, problems) for key in THEME_REQUIRED if key != "terms"}
    if not _ID.match(texts["id"]):
        problems.append(Problem(display, f"id '{texts['id']}' must be lowercase letters, digits and hyphens", line_of(found["id"])))
    threshold = _number(found["threshold"], display, "threshold", problems) if "threshold" in found else DEFAULT_THRESHOLD
    if threshold <= 0:
        problems.append(Problem(display, "'threshold' must be a positive whole number", line_of(found["threshold"])))
    related = texts_of(found["related"], display, "related", problems) if "related" in found else ()
    terms = _terms(found["terms"], display, problems)
    if terms and max(t.weight for t in terms) <= 0:
        problems.append(Problem(display, f"theme '{texts['id']}' has no term with a positive weight", line_of(found["terms"])))
    return Theme(terms=terms, threshold=threshold, related=related, at=line_of(node), **texts)


def _terms(node: yaml.Node, display: str, problems: list[Problem]) -> tuple[ThemeTerm, ...]:
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        problems.append(Problem(display, "'terms' must be a non-empty list of {zh, en, weight} entries", line_of(node)))
        return ()
    terms, spelled = [], {}
    for item in node.value:
        found = fields_of(item, display, TERM_FIELDS, ("weight",), problems)
        if found is None:
            continue
        phrases = tuple(p for key in ("zh", "en") if key in found for p in texts_of(found[key], display, key, problems))
        weight = _number(found["weight"], display, "weight", problems)
        if not phrases:
            problems.append(Problem(display, "a term needs at least one spelling under 'zh' or 'en'", line_of(item)))
        if weight == 0:
            problems.append(Problem(display, "'weight' must not be 0 (leave the term out instead)", line_of(found["weight"])))
        for phrase in phrases:
            if phrase in spelled:
                problems.append(Problem(display, f"'{phrase}' is already a spelling of the term on line {spelled[phrase]}", line_of(item)))
            spelled.setdefault(phrase, line_of(item))
        terms.append(ThemeTerm(phrases, weight, line_of(item)))
    return tuple(terms)


def _number(node: yaml.Node, display: str, name: str, problems: list[Problem]) -> int:
    value = text_of(node, display, name, problems)
    if not re.fullmatch(r"-?\d+", value):
        problems.append(Problem(display, f"'{name}' must be a whole number, not '{value}'", line_of(node)))
        return 0
    return int(value)


def _check_ids(themes: list[Theme], display: str) -> list[Problem]:
    problems, first = [], {}
    for theme in themes:
        if theme.id in first:
            problems.append(Problem(display, f"id '{theme.id}' is already used on line {first[theme.id]}", theme.at))
        first.setdefault(theme.id, theme.at)
    for theme in themes:
        for other in theme.related:
            if other not in first:
                problems.append(Problem(display, f"theme '{theme.id}' names unknown related theme '{other}'", theme.at))
            elif other == theme.id:
                problems.append(Problem(display, f"theme '{theme.id}' names itself as related", theme.at))
    return problems
