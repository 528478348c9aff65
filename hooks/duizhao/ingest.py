"""Reading raw article folders: decoding, ``meta.yml`` and ``overrides.yml`` validation.

Nothing here cleans text; it only turns files into located lines and checked metadata,
or into an ``InputError`` naming the file and the line or field at fault.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import fields
from datetime import date
from pathlib import Path

import yaml

from .errors import InputError, Problem, fail
from .model import ArticleMeta, Line, Overrides, PinnedLink, SpamFragment, TextFix

META_REQUIRED = ("title_zh", "title_en", "author", "publisher", "script")
META_OPTIONAL = ("original_url", "zh_url", "date")
SCRIPTS = ("hans", "hant")


# --- decoding -----------------------------------------------------------------------------

CHINESE_ENCODINGS = ("gb18030", "big5")
"""What a Chinese file not in UTF-8 is read as (both are tried; see ``decode``)."""
ENGLISH_ENCODINGS = ("cp1252",)
"""What an English file not in UTF-8 is read as: the Windows Western encoding (a superset of
Latin-1 for text), whose "naïve" and "façade" GB18030 would misread as Chinese characters."""
_ENCODING_NAMES = {"gb18030": "GB18030", "big5": "Big5", "cp1252": "Windows-1252"}


def decode(data: bytes, path: str, fallbacks: tuple[str, ...] = CHINESE_ENCODINGS) -> str:
    """Decode a text file received as UTF-8 (with or without BOM), GB18030, Big5, or UTF-16
    with a byte-order mark (what Windows editors save as "Unicode").

    A UTF-16 byte-order mark settles the encoding. Otherwise UTF-8 is tried first because
    it is self-validating. GB18030 and Big5 both accept much of each other's byte space, so
    when both decode the file we keep the reading whose characters are the common ones of
    Chinese text.

    >>> decode("对照".encode("gb18030"), "x.txt")
    '对照'
    >>> decode("對照閱讀".encode("big5"), "x.txt")
    '對照閱讀'
    >>> decode("\\ufeff对照".encode("utf-8"), "x.txt")  # with a byte-order mark
    '对照'
    >>> decode("对照\\n".encode("utf-16"), "x.txt")
    '对照\\n'
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise fail(path, f"cannot decode as UTF-16 (the file starts with its byte-order mark): "
                             f"bad bytes at byte offset {error.start}", _line_at(data, error.start, 2)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        readings = []
        # Where each encoding fails: the one that reads furthest is most likely the file's, and
        # its bad byte the one to mend (a GB18030 file fails as UTF-8 at its first character).
        # UTF-8 that read characters beyond ASCII before failing is the file's: no other
        # encoding's text passes for it by chance.
        # The decoder counts from after a byte-order mark: where the bad byte is in the file.
        bad = utf8_error.start + (len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)
        failures = [(bad, "UTF-8")]
        # Chinese in UTF-8 is three bytes a character: two-byte pieces of GB18030 pass for
        # UTF-8 by chance (每 is C3 BF, "ÿ"), three-byte ones hardly ever. English in UTF-8 is
        # taken for it with one three-byte character ("—") or two others ("é"): a Windows-1252
        # capital and curly quote ("É’") pass for one by chance.
        read = data[:bad].decode("utf-8-sig", errors="ignore")
        english = fallbacks == ENGLISH_ENCODINGS
        utf8 = any(ord(c) >= 0x800 for c in read) or english and sum(ord(c) >= 0x80 for c in read) >= 2
        if utf8 and english:
            # Windows-1252 reads any bytes: read so, the file's "—" would become "â€”" everywhere.
            raise fail(path, f"cannot decode as UTF-8: bad byte 0x{data[bad]:02x} at byte offset "
                             f"{bad}, in a file written in UTF-8 before it: the file is damaged there",
                       _line_at(data, bad))
        for encoding in fallbacks:
            try:
                readings.append(data.decode(encoding))
            except UnicodeDecodeError as error:
                failures.append((error.start, _ENCODING_NAMES[encoding]))
        if not readings:
            tried = ", ".join(name for _, name in failures)
            start, likeliest = failures[0] if utf8 else max(failures, key=lambda failure: failure[0])
            hint = "; it looks like UTF-16 without a byte-order mark: save it as UTF-8" if _bare_utf16(data) else ""
            raise fail(path, f"cannot decode as {tried}: bad byte 0x{data[start]:02x} at byte offset {start} "
                             f"(read as {likeliest}, the likeliest encoding){hint}", _line_at(data, start))
        if fallbacks == ENGLISH_ENCODINGS:
            chinese = _chinese_encoding(data)
            if chinese:
                raise fail(path, f"this is Chinese text in {_ENCODING_NAMES[chinese]}, not English")
        return max(readings, key=_commonness)


def _bare_utf16(data: bytes) -> bool:
    """Whether undecodable bytes read as Chinese or English text in UTF-16 with no byte-order mark.

    >>> _bare_utf16("第一行\\n".encode("utf-16-le")), _bare_utf16(b"ok \\xff\\xff")
    (True, False)
    """
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if language_of(text) != "other":
            return True
    return False


def _chinese_encoding(data: bytes) -> str | None:
    """The Chinese encoding a file expected to be English is really in, if any.

    Windows-1252 decodes any bytes, so Big5 or GB18030 text given as the English source
    would come out as ``§Úªº¯ª¤÷``. Read in a Chinese encoding instead, such a file is mostly
    common Chinese characters; English with a few accented letters is not.

    >>> _chinese_encoding("我的祖父養了四十年蜜蜂。".encode("big5")), _chinese_encoding("naïve façade".encode("cp1252"))
    ('big5', None)
    """
    for encoding in CHINESE_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if language_of(text) == "zh" and _commonness(text) >= 0.9:
            return encoding
    return None


def language_of(sample: str) -> str:
    """``zh`` if CJK characters make up a fair share of the letters, ``en`` if Latin letters
    make up most of them, else ``other`` (figures alone, another script, or Chinese read
    in the wrong encoding: Big5 bytes read as Windows-1252 give ``§Úªº``).

    Japanese is written with Chinese characters and kana: ``ja``, which no Chinese text is,
    with a kana in it now and then (a brand's の).

    >>> [language_of(t) for t in ("他在2019年加入OpenAI。", "I joined in 2019.", "2019 2020", "Я пришёл", "§Úªº¯ª¤÷")]
    ['zh', 'en', 'other', 'other', 'other']
    >>> language_of("毎週金曜日の夜、母は島から本土へ渡った。")
    'ja'
    """
    letters = [c for c in sample if c.isalpha()]
    cjk = sum(1 for c in letters if "\u4e00" <= c <= "\u9fff")
    kana = sum(1 for c in letters if "\u3040" <= c <= "\u30ff")
    latin = sum(1 for c in letters if c.isascii())
    if kana * 5 > cjk + kana:
        return "ja"
    if cjk and cjk * 2 >= latin:
        return "zh"
    return "en" if latin * 2 > len(letters) else "other"


def _line_at(data: bytes, offset: int, unit: int = 1) -> int:
    r"""Line number of the byte at ``offset`` (``unit`` 2 for UTF-16, whose newline is two bytes).

    >>> _line_at(b"ab\ncd\n\xff", 6)
    3
    """
    if unit == 2:
        return data[:offset - offset % 2].decode("utf-16", errors="replace").count("\n") + 1
    return data[:offset].count(b"\n") + 1


def _commonness(text: str) -> float:
    """Share of CJK characters that belong to the everyday repertoire of either script.

    Big5 bytes read as GB18030 (or the reverse) produce rare characters; genuine text
    is almost entirely made of characters that GB2312 (Simplified) or Big5 level 1
    (Traditional) encode.
    """
    cjk = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not cjk:
        return 0.0
    common = 0
    for char in cjk:
        if _encodes(char, "gb2312") or _encodes_big5_level1(char):
            common += 1
    return common / len(cjk)


def _encodes(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _encodes_big5_level1(char: str) -> bool:
    # Big5 level 1 (frequent characters) occupies lead bytes 0xA4..0xC6.
    try:
        lead = char.encode("big5")[0]
    except UnicodeEncodeError:
        return False
    return 0xA4 <= lead <= 0xC6


LARGEST_FILE = 20_000_000
"""Bytes a text may have: a book-length translation is a few megabytes."""


def read_lines(path: Path, display: str | None = None, english: bool = False) -> tuple[Line, ...]:
    """Read a text file as numbered lines (CRLF and CR line ends accepted); ``english`` for
    the English source, whose legacy encoding is Western, not Chinese."""
    name = display or str(path)
    try:
        with path.open("rb") as file:
            data = file.read(LARGEST_FILE + 1)  # an endless source (/dev/zero) stops here
    except OSError as error:
        raise fail(name, f"cannot read: {error.strerror}") from None
    if len(data) > LARGEST_FILE:
        raise fail(name, f"larger than {LARGEST_FILE // 1_000_000} MB: no article is; is this the right file?")
    text = decode(data, name, ENGLISH_ENCODINGS if english else CHINESE_ENCODINGS)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, start=1):
        if "\x00" in line:
            # A NUL is binary data, not text; converters stop at it and would silently lose
            # the rest of the line.
            raise fail(name, "contains a NUL byte: this is not a plain-text file (or it is damaged)", number)
    if not any(line.strip() for line in lines):
        raise fail(name, "the file is empty")
    return tuple(Line(number, line) for number, line in enumerate(lines, start=1))


# --- YAML with positions -------------------------------------------------------------------

def load_yaml(path: Path, display: str) -> yaml.Node | None:
    """Parse a YAML file into a node tree that still knows line numbers."""
    try:
        data = path.read_bytes()
    except OSError as error:  # a folder named overrides.yml, a file no one may read
        raise fail(display, f"cannot read: {error.strerror}") from None
    try:
        text = decode(data, display)
        return yaml.compose(text)
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or str(error)
        mark = getattr(error, "problem_mark", None)
        context = getattr(error, "context_mark", None)
        if context and "<stream end>" in problem:
            # A bracket or quote never closed is found at the end of the file; the line that
            # opened it is the one to mend.
            mark, problem = context, f"{error.context}, opened here: {problem}"
        raise fail(display, f"YAML syntax error: {problem}", mark.line + 1 if mark else None) from None


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _mapping(node: yaml.Node | None, display: str, what: str) -> list[tuple[yaml.Node, yaml.Node]]:
    if node is None:
        return []
    if not isinstance(node, yaml.MappingNode):
        raise fail(display, f"{what} must be a mapping of names to values", _line(node))
    return node.value


def _scalar(node: yaml.Node, display: str, name: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise fail(display, f"field '{name}' must be a single value", _line(node))
    return str(node.value).strip()


# --- meta.yml ------------------------------------------------------------------------------

def load_meta(folder: Path, display_root: Path) -> ArticleMeta:
    """Read and validate an article's ``meta.yml``; every problem is reported together."""
    path = folder / "meta.yml"
    display = display_path(path, display_root)
    if not path.exists():
        raise fail(display, "missing: every article needs a meta.yml")
    values: dict[str, str] = {}
    lines: dict[str, int] = {}
    problems: list[Problem] = []
    if not SLUG.fullmatch(folder.name):
        problems.append(Problem(display_path(folder, display_root),
                                f"the folder's name becomes the page's address: use lower-case letters, digits and "
                                f"hyphens only ('{_slug_like(folder.name)}', say), not '{folder.name}'"))
    known = META_REQUIRED + META_OPTIONAL
    for key_node, value_node in _mapping(load_yaml(path, display), display, "meta.yml"):
        key = str(key_node.value)
        if key not in known:
            hint = _closest(key, known)
            problems.append(Problem(display, f"unknown field '{key}'" + (f" (did you mean '{hint}'?)" if hint else ""), _line(key_node)))
            continue
        if key in lines:
            problems.append(Problem(display, f"field '{key}' is given twice (first on line {lines[key]}): keep one",
                                    _line(key_node)))
            continue
        lines[key] = _line(value_node)
        try:
            values[key] = _scalar(value_node, display, key)
        except InputError as error:
            problems.extend(error.problems)
            continue
        if not values[key]:
            problems.append(Problem(display, f"field '{key}' is empty", _line(value_node)))
    for key in META_REQUIRED:
        if key not in lines:
            problems.append(Problem(display, f"missing field '{key}'"))
    if values.get("script") and values["script"] not in SCRIPTS:
        problems.append(Problem(display, f"field 'script' must be one of {', '.join(SCRIPTS)}, not '{values['script']}'",
                                lines["script"]))
    if values.get("date") and not _is_date(values["date"]):
        problems.append(Problem(display, f"field 'date' must be a date written YYYY-MM-DD, not '{values['date']}'",
                                lines["date"]))
    for key in ("original_url", "zh_url"):
        if values.get(key) and not WEB_ADDRESS.fullmatch(values[key]):
            problems.append(Problem(display, f"field '{key}' must be a web address starting with https:// or http://, "
                                             f"not '{values[key]}'", lines[key]))
    if problems:
        raise InputError(problems)
    return ArticleMeta(slug=folder.name, **values)


def meta_line(folder: Path, key: str) -> int | None:
    """The line of ``meta.yml`` that gives field ``key`` (for an error found later, against the
    text; ``load_meta`` has read the file already, so it parses)."""
    path = folder / "meta.yml"
    return next((_line(key_node) for key_node, _ in _mapping(load_yaml(path, str(path)), str(path), "meta.yml")
                 if key_node.value == key), None)


SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""An article folder's name, which is its page's address: no capitals (two folders differing
only in case are one address on some hosts), spaces or other characters to escape."""
WEB_ADDRESS = re.compile(r"https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?")


def _slug_like(name: str) -> str:
    """A folder name that would do, for the error message.

    >>> _slug_like("Ada Reyes copy")
    'ada-reyes-copy'
    """
    return "-".join(re.findall(r"[a-z0-9]+", name.lower())) or "article-name"


def _is_date(text: str) -> bool:
    """Whether ``text`` is a real date written ``YYYY-MM-DD``.

    >>> [_is_date(t) for t in ("2024-11-28", "2024-02-30", "last tuesday", "2024-1-5")]
    [True, False, False, False]
    """
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:  # the 30th of February
        return False
    return True


def _closest(word: str, candidates: tuple[str, ...]) -> str | None:
    import difflib

    match = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return match[0] if match else None


def display_path(path: Path, root: Path) -> str:
    """``path`` relative to the project root, as error messages show it."""
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


# --- overrides.yml -------------------------------------------------------------------------

OVERRIDE_SECTIONS = ("spam", "fix", "align")


def load_overrides(folder: Path, display_root: Path) -> Overrides:
    """Read an article's optional ``overrides.yml``.

    Its shape is checked here; whether the paragraphs and lines it names exist is
    checked by the stages that use them, which know the text.
    """
    path = folder / "overrides.yml"
    if not path.exists():
        return Overrides()
    display = display_path(path, display_root)
    spam: list[SpamFragment] = []
    fixes: list[TextFix] = []
    links: list[PinnedLink] = []
    for key_node, value_node in _mapping(load_yaml(path, display), display, "overrides.yml"):
        section = str(key_node.value)
        if section not in OVERRIDE_SECTIONS:
            raise fail(display, f"unknown section '{section}' (expected one of: {', '.join(OVERRIDE_SECTIONS)})", _line(key_node))
        for item in _sequence(value_node, display, section):
            if section == "spam":
                spam.append(_spam(item, display))
            elif section == "fix":
                fixes.append(_fix(item, display))
            else:
                links.append(_link(item, display))
    return Overrides(display, tuple(spam), tuple(fixes), tuple(links))


def _sequence(node: yaml.Node, display: str, section: str) -> list[yaml.Node]:
    if not isinstance(node, yaml.SequenceNode):
        raise fail(display, f"section '{section}' must be a list", _line(node))
    return node.value


def _fields(node: yaml.Node, display: str, allowed: tuple[str, ...], required: tuple[str, ...]) -> dict[str, yaml.Node]:
    found = {}
    for key_node, value_node in _mapping(node, display, "an entry"):
        key = str(key_node.value)
        if key not in allowed:
            raise fail(display, f"unknown field '{key}' (expected: {', '.join(allowed)})", _line(key_node))
        found[key] = value_node
    for key in required:
        if key not in found:
            raise fail(display, f"entry lacks field '{key}'", _line(node))
    return found


def _strings(node: yaml.Node, display: str, name: str) -> tuple[str, ...]:
    if isinstance(node, yaml.ScalarNode):
        return (str(node.value),) if node.value else ()
    if isinstance(node, yaml.SequenceNode):
        return tuple(_scalar(item, display, name) for item in node.value)
    raise fail(display, f"field '{name}' must be a value or a list", _line(node))


def _spam(node: yaml.Node, display: str) -> SpamFragment:
    if isinstance(node, yaml.ScalarNode):
        text = str(node.value)
        keep: tuple[str, ...] = ()
    else:
        found = _fields(node, display, ("text", "keep"), ("text",))
        text = _scalar(found["text"], display, "text")
        keep = _strings(found["keep"], display, "keep") if "keep" in found else ()
    if not text:
        raise fail(display, "empty spam fragment", _line(node))
    for phrase in keep:
        if text not in phrase:
            raise fail(display, f"'keep' phrase '{phrase}' does not contain the fragment '{text}'", _line(node))
    return SpamFragment(text, keep, _line(node))


def _fix(node: yaml.Node, display: str) -> TextFix:
    found = _fields(node, display, ("line", "find", "replace", "file"), ("line", "find", "replace"))
    raw_line = _scalar(found["line"], display, "line")
    if not raw_line.isdigit() or int(raw_line) < 1:
        raise fail(display, f"'line' must be a positive line number, not '{raw_line}'", _line(found["line"]))
    file = _scalar(found["file"], display, "file") if "file" in found else "zh"
    if file not in ("zh", "en"):
        raise fail(display, f"'file' must be zh or en, not '{file}'", _line(found["file"]))
    return TextFix(int(raw_line), str(found["find"].value), str(found["replace"].value), file, _line(node))


def _link(node: yaml.Node, display: str) -> PinnedLink:
    found = _fields(node, display, ("zh", "en"), ("zh", "en"))
    if isinstance(found["en"], yaml.ScalarNode) and not found["en"].value:
        # An empty value reads as "no sentences", which may be a slip: nothing must be the curator's word.
        raise fail(display, "field 'en' is empty: list the sentences, or write [] to pin the paragraph to "
                            "nothing (the summary's own)", _line(found["en"]))
    return PinnedLink(_scalar(found["zh"], display, "zh"), _strings(found["en"], display, "en"), _line(node))


assert {f.name for f in fields(ArticleMeta)} == {"slug", *META_REQUIRED, *META_OPTIONAL}
