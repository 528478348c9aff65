"""The ``duizhao`` command: the library's stages on plain files, without MkDocs."""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
from pathlib import Path

from .clean import clean_chinese, clean_english
from .corpus import usable_pins
from .errors import InputError, fail
from .ingest import language_of, load_overrides, read_lines
from .model import Overrides
from .report import text_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="duizhao", description="Bilingual reading companion tools.")
    commands = parser.add_subparsers(dest="command", required=True)

    clean = commands.add_parser("clean", help="print a file's cleaned text, then its cleaning report")
    clean.add_argument("file", type=Path, help="a zh.txt or en.txt (language is detected from the text); an "
                       "English text is cleaned as the build does, with the zh.txt beside it if there is one")
    clean.add_argument("--traditional", action="store_true", help="print Chinese in Traditional script")
    clean.add_argument("--lang", choices=("zh", "en"), help="override language detection")

    align = commands.add_parser("align", help="align a Chinese text with its English source")
    align.add_argument("zh_file", type=Path, help="the Chinese text (plain text, any layout)")
    align.add_argument("en_file", type=Path, help="the English source (plain text, any layout)")
    align.add_argument("--json", action="store_true", help="print units and links as one JSON object")
    align.add_argument("--no-overrides", action="store_true",
                       help="leave out the overrides.yml of an article folder holding both files (its fixes and pins)")

    args = parser.parse_args(argv)
    # JSON is UTF-8 whatever the terminal's encoding (a program reads it); text for a terminal
    # keeps the terminal's encoding, a character it cannot show replaced, not a traceback.
    reconfigure = getattr(sys.stdout, "reconfigure", None)  # absent when a caller gave a plain buffer
    if reconfigure:
        reconfigure(**({"encoding": "utf-8"} if getattr(args, "json", False) else {"errors": "replace"}))
    try:
        status = _align(args) if args.command == "align" else _clean(args)
        sys.stdout.flush()  # a closed pipe shows here, where it is handled, not at exit
        return status
    except InputError as error:
        print(f"duizhao: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader stopped reading (``| head``): stop quietly, as command-line tools do.
        # Python would report the pipe again when flushing stdout at exit, so point it at nothing.
        _silence_stdout()
        return 0
    except OSError as error:  # a full disk, a closed terminal
        _silence_stdout()
        print(f"duizhao: cannot write the output: {error.strerror or error}", file=sys.stderr)
        return 1


def _silence_stdout() -> None:
    """Point stdout at nothing, so that Python's flush at exit reports no error a second time."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _clean(args: argparse.Namespace) -> int:
    lines = read_lines(args.file)
    overrides = load_overrides(args.file.parent, Path.cwd())
    language = args.lang or _language(lines)
    if language == "zh":
        text, log = clean_chinese(lines, str(args.file), overrides)
        body = [b.text_hant if args.traditional else b.text for b in text.blocks]
    else:
        # In an article's folder the build cleans the English with its summary beside it (the
        # summary's headings find those of a flattened page): so does this.
        summary_path = args.file.parent / "zh.txt"
        summary = None
        if summary_path.is_file() and summary_path.resolve() != args.file.resolve():
            try:
                summary = clean_chinese(read_lines(summary_path), str(summary_path), overrides)[0]
            except InputError:
                pass  # a summary that cannot be read helps nothing; the English is cleaned alone
        text, log = clean_english(lines, str(args.file), overrides, summary)
        body = [b.text for b in text.blocks]
    for block, shown in zip(text.blocks, body):
        marker = {"heading": "## ", "item": "- ", "quote": "> ", "code": "    "}.get(block.kind, "")
        print(marker + shown)
    print()
    print(text_report(log))
    return 0


def _align(args: argparse.Namespace) -> int:
    """Clean both files as the build does and align them. When both are in one folder with an
    ``overrides.yml`` (an article's folder), its fixes and pins apply as in the build, so that
    the ids printed are the ones the build gives and a pin may name."""
    import json

    from .aligner import align_article

    zh_lines, en_lines = read_lines(args.zh_file), read_lines(args.en_file, english=True)
    # Two files in the wrong order would align as nonsense, with confident scores.
    chinese = _language(zh_lines)
    if chinese == "ja":
        raise fail(str(args.zh_file), "this is Japanese (it is written with kana), not Chinese")
    if chinese != "zh":
        raise fail(str(args.zh_file), "no Chinese text here: the Chinese file comes first (duizhao align ZH_FILE EN_FILE)")
    language = _language(en_lines)
    if language == "zh":
        raise fail(str(args.en_file), "this is Chinese text: the English file comes second (duizhao align ZH_FILE EN_FILE)")
    if language != "en":
        raise fail(str(args.en_file), "no English text here: the English source comes second (duizhao align ZH_FILE EN_FILE)")
    folder = args.zh_file.resolve().parent
    in_one_folder = folder == args.en_file.resolve().parent
    overrides = (load_overrides(folder, Path.cwd()) if in_one_folder and not args.no_overrides else Overrides())
    zh, zh_log = clean_chinese(zh_lines, str(args.zh_file), overrides)
    en, en_log = clean_english(en_lines, str(args.en_file), overrides, summary=zh)
    # Lines the cleaning took out are in no unit: say so, as the build's report does.
    for path, log in ((args.zh_file, zh_log), (args.en_file, en_log)):
        removed = len({change.line for change in log.changes if change.action == "removed"})
        if removed:
            print(f"duizhao: cleaning took {removed} line{'s' if removed > 1 else ''} out of {path} "
                  f"(page furniture, repeats, times); 'duizhao clean {path}' lists each", file=sys.stderr)
    # A stale pin stops the build; here, where the curator looks for the ids to mend it, it is
    # reported and left out.
    pins = usable_pins(overrides, zh, en)
    for problem in pins.problems:
        print(f"duizhao: {problem}; left out", file=sys.stderr)
    alignment = align_article(zh, en, pins.links)
    en_units = [s for block in en.blocks for s in block.sentences]
    if alignment.unrelated:
        print(f"duizhao: {args.en_file} does not seem to be the source of {args.zh_file}: "
              f"{alignment.unrelated}; nothing is linked", file=sys.stderr)
    elif alignment.unsure:
        print(f"duizhao: {args.en_file} may not be the source of {args.zh_file}: {alignment.unsure}; "
              "every link is marked uncertain", file=sys.stderr)
    if args.json:
        print(json.dumps({
            "zh_units": [{"id": b.id, "text": b.text} for b in zh.blocks],
            "en_units": [{"id": s.id, "text": s.text} for s in en_units],
            "links": [{"zh": list(link.zh), "en": list(link.en), "score": link.score} for link in alignment.links],
        }, ensure_ascii=False, indent=1))
        return 0
    print(_side_by_side(zh, en_units, alignment))
    return 0


SKIPPED_ROWS = 2
"""Rows of the terminal view given to the opening of a passage the summary skips."""
TWO_COLUMNS = 60
"""Narrowest terminal shown in two columns; a narrower one gets each Chinese block over its
English, indented (two columns of fifteen characters read as neither language)."""
NARROWEST = 20
"""Columns the view assumes at least, however narrow the terminal says it is."""
INDENT = "    "


def _side_by_side(zh, en_units, alignment, width: int = 100) -> str:
    """Each Chinese block beside the English sentences it expresses, in two columns fitted to
    the terminal (Chinese characters take two columns). Additions say "(no source)"; a link's
    score heads its English, with ``?`` when it is uncertain. English the summary skips stands
    where it comes in the source, under "(not in the summary)", beside an empty left column.
    Below ``TWO_COLUMNS`` the English stands under its Chinese instead, indented."""
    import shutil

    from .markup import quotation
    from .render_rows import links_in_source_order

    width = max(NARROWEST, shutil.get_terminal_size((width, 24)).columns)
    stacked = width < TWO_COLUMNS
    left = width if stacked else (width - 3) // 2
    right = width - len(INDENT) if stacked else width - 3 - left
    english = {s.id: s.text for s in en_units}
    place = {s.id: k for k, s in enumerate(en_units)}
    link_of = {zh_id: link for link in alignment.links for zh_id in link.zh}
    skipped = sorted(place[sid] for sid in alignment.omissions)
    # As on the page: a link the summary moved out of the source's order places no skipped English.
    in_order = links_in_source_order(alignment.links, place)
    tail_at = 0
    out = []

    def draw(chinese: list[str], source: list[str]) -> None:
        if stacked:
            out.extend(chinese)
            out.extend(INDENT + row for row in source)
            out.append("")
            return
        for k in range(max(len(chinese), len(source))):
            cell = chinese[k] if k < len(chinese) else ""
            out.append(f"{cell}{' ' * (left - columns(cell))} │ {source[k] if k < len(source) else ''}".rstrip())
        out.append("")

    def draw_skipped(before: int) -> None:
        """The skipped sentences that come before sentence ``before``, not drawn yet: a count
        and the first one's opening (a skipped preface can run to dozens of sentences)."""
        run = [k for k in skipped if k < before]
        if run:
            del skipped[:len(run)]
            rows = wrap_columns(en_units[run[0]].text, right)
            if len(rows) > SKIPPED_ROWS:
                last = rows[SKIPPED_ROWS - 1]
                cut = last.rfind(" ", 0, right - 1)
                rows = [*rows[:SKIPPED_ROWS - 1], (last[:cut] if cut > 0 else last[:right - 2]) + " …"]
            draw([], [*wrap_columns(f"(not in the summary: {_count(len(run), 'sentence')})", right), *rows])

    for block in zh.blocks:
        link = link_of.get(block.id)
        if link is not None and link.zh[0] != block.id:
            continue  # drawn with the first block of its link
        if link is not None and link.zh in in_order:
            draw_skipped(min(place[sid] for sid in link.en))
        blocks = [b for b in zh.blocks if link and b.id in link.zh] or [block]
        chinese = [row for b in blocks for row in wrap_columns(b.text, left)]
        if link is None:
            source = ["(no source)"]
        else:
            mark = "  " if link.confident else " ?"
            head = f"{link.score:.2f}{mark} "
            source = wrap_columns(quotation([(place[sid], english[sid]) for sid in link.en]), right - len(head))
            source = [(head if k == 0 else " " * len(head)) + row for k, row in enumerate(source)]
        draw(chinese, source)
        if link is not None and link.zh in in_order:
            tail_at = len(out)
    # The source's last sentences follow its last row in order, not the summary's closing notes.
    closing, out[tail_at:] = out[tail_at:], []
    draw_skipped(len(en_units))
    out.extend(closing)
    out.extend(wrap_columns(f"{_count(len(alignment.links), 'link')}, "
                            f"{_count(len(alignment.additions), 'Chinese block')} without source, "
                            f"{_count(len(alignment.omissions), 'English sentence')} not expressed.", width))
    return "\n".join(out)


def _count(number: int, noun: str) -> str:
    """A count and its noun, in the plural unless the count is one.

    >>> _count(1, "link"), _count(3, "English sentence")
    ('1 link', '3 English sentences')
    """
    return f"{number} {noun}{'' if number == 1 else 's'}"


def columns(text: str) -> int:
    """Terminal columns of ``text``: wide (East Asian) characters take two.

    >>> columns("飞轮 flywheel")
    13
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# A Latin word with the marks inside it ("U.S.", "GPT-4", "don't") is one piece; so is a run
# of spaces; anything else, a Chinese character included, is a piece of its own.
_PIECES = re.compile(r"[A-Za-z0-9\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f_.,;:!?'’\-/()%&]*|\s+|.", re.DOTALL)


_NO_LINE_START = set("。，、；：？！…）」』”’》〉】〕,.;:?!)")
"""Marks that close what comes before them: Chinese typography never starts a line with one."""


def wrap_columns(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns: Latin words stay whole (unless longer
    than a line), Chinese breaks between any two characters, but never before a closing mark
    (the word before it moves down with it).

    >>> wrap_columns("他在HuggingFace写博客", 10)
    ['他在', 'HuggingFac', 'e写博客']
    >>> wrap_columns("HuggingFace虽坐拥心智占有率，近期", 28)
    ['HuggingFace虽坐拥心智占有', '率，近期']
    >>> wrap_columns("a few short words", 8)
    ['a few', 'short', 'words']
    >>> wrap_columns("名叫 Lindqvist。她在", 14)
    ['名叫', 'Lindqvist。她', '在']
    >>> wrap_columns("几乎「消失殆尽」。然后", 16)
    ['几乎「消失殆', '尽」。然后']
    """
    lines: list[str] = []
    line: list[str] = []  # the pieces of the line being filled
    for piece in _PIECES.findall(" ".join(text.split())):
        if piece.isspace():
            if line:
                line.append(" ")
            continue
        while columns("".join(line)) + columns(piece) > width:
            if "".join(line).strip():
                carried = _carried(line, piece, width)
                lines.append("".join(line[:len(line) - len(carried)]).rstrip())
                line = carried
                continue
            cut = _fit(piece, width)  # a piece wider than a whole line
            lines.append(piece[:cut])
            piece = piece[cut:]
        line.append(piece)
    if "".join(line).strip():
        lines.append("".join(line).rstrip())
    return lines or [""]


def _carried(line: list[str], mark: str, width: int) -> list[str]:
    """The pieces at the end of a full ``line`` that move down with ``mark`` when it is a
    closing mark: any closing marks before it and the word they close (``尽」`` before ``。``),
    unless they would fill a line on their own."""
    if mark not in _NO_LINE_START:
        return []
    k = len(line)
    while k > 1 and not line[k - 1].isspace():
        k -= 1
        if line[k] not in _NO_LINE_START:
            break
    carried = line[k:]
    return carried if columns("".join(carried)) + columns(mark) <= width and k > 0 else []


def _fit(piece: str, width: int) -> int:
    """How many characters of ``piece`` fill ``width`` columns (at least one)."""
    used = 0
    for k, c in enumerate(piece):
        used += columns(c)
        if used > width:
            return max(1, k)
    return len(piece)


def _language(lines) -> str:
    """The language of a text's first lines (see ``ingest.language_of``)."""
    return language_of("".join(line.text for line in lines[:200]))


if __name__ == "__main__":
    raise SystemExit(main())
