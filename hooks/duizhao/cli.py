"""The ``duizhao`` command: the library's stages on plain files, without MkDocs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .clean import clean_chinese, clean_english
from .errors import InputError
from .ingest import load_overrides, read_lines
from .report import text_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="duizhao", description="Bilingual reading companion tools.")
    commands = parser.add_subparsers(dest="command", required=True)

    clean = commands.add_parser("clean", help="print a file's cleaned text, then its cleaning report")
    clean.add_argument("file", type=Path, help="a zh.txt or en.txt (language is detected from the text)")
    clean.add_argument("--traditional", action="store_true", help="print Chinese in Traditional script")
    clean.add_argument("--lang", choices=("zh", "en"), help="override language detection")

    align = commands.add_parser("align", help="align a Chinese text with its English source")
    align.add_argument("zh_file", type=Path, help="the Chinese text (plain text, any layout)")
    align.add_argument("en_file", type=Path, help="the English source (plain text, any layout)")
    align.add_argument("--json", action="store_true", help="print units and links as one JSON object")

    args = parser.parse_args(argv)
    try:
        return _align(args) if args.command == "align" else _clean(args)
    except InputError as error:
        print(f"duizhao: {error}", file=sys.stderr)
        return 2


def _clean(args: argparse.Namespace) -> int:
    lines = read_lines(args.file)
    overrides = load_overrides(args.file.parent, Path.cwd())
    language = args.lang or _language(lines)
    if language == "zh":
        text, log = clean_chinese(lines, str(args.file), overrides)
        body = [b.text_hant if args.traditional else b.text for b in text.blocks]
    else:
        text, log = clean_english(lines, str(args.file), overrides)
        body = [b.text for b in text.blocks]
    for block, shown in zip(text.blocks, body):
        marker = {"heading": "## ", "item": "- ", "quote": "> "}.get(block.kind, "")
        print(marker + shown)
    print()
    print(text_report(log))
    return 0


def _align(args: argparse.Namespace) -> int:
    """Clean both files as the build does (without overrides) and align them."""
    import json

    from .aligner import align_article

    zh, _ = clean_chinese(read_lines(args.zh_file), str(args.zh_file))
    en, _ = clean_english(read_lines(args.en_file), str(args.en_file))
    alignment = align_article(zh, en)
    en_units = [s for block in en.blocks for s in block.sentences]
    if alignment.unrelated:
        print(f"duizhao: {args.en_file} does not seem to be the source of {args.zh_file}: "
              f"{alignment.unrelated}; nothing is linked", file=sys.stderr)
    if args.json:
        print(json.dumps({
            "zh_units": [{"id": b.id, "text": b.text} for b in zh.blocks],
            "en_units": [{"id": s.id, "text": s.text} for s in en_units],
            "links": [{"zh": list(link.zh), "en": list(link.en), "score": link.score} for link in alignment.links],
        }, ensure_ascii=False, indent=1))
        return 0
    print(_side_by_side(zh, en_units, alignment))
    return 0


def _side_by_side(zh, en_units, alignment, width: int = 100) -> str:
    """Each Chinese block beside the English sentences it expresses; additions marked ``+``."""
    import shutil
    import textwrap

    width = max(60, shutil.get_terminal_size((width, 24)).columns)
    english = {s.id: s.text for s in en_units}
    link_of = {zh_id: link for link in alignment.links for zh_id in link.zh}
    out = []
    for block in zh.blocks:
        link = link_of.get(block.id)
        if link is None:
            out.append(f"+ {block.text}")
            out.append("    (no source)")
        elif link.zh[0] != block.id:
            continue
        else:
            mark = "" if link.confident else " ?"
            out.append("\n".join(f"  {alignment_line}" for alignment_line in
                                 (block.text for block in zh.blocks if block.id in link.zh)))
            for sid in link.en:
                out.extend(textwrap.wrap(english[sid], width - 8, initial_indent=f"    {link.score:.2f}{mark} | ",
                                         subsequent_indent="         | "))
        out.append("")
    omitted = len(alignment.omissions)
    out.append(f"{len(alignment.links)} links, {len(alignment.additions)} Chinese blocks without source, "
               f"{omitted} English sentences not expressed.")
    return "\n".join(out)


def _language(lines) -> str:
    """Chinese if CJK characters make up a fair share of the letters."""
    sample = "".join(line.text for line in lines[:200])
    cjk = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff")
    latin = sum(1 for c in sample if c.isascii() and c.isalpha())
    return "zh" if cjk * 2 >= latin else "en"


if __name__ == "__main__":
    raise SystemExit(main())
