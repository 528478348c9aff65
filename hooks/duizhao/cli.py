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

    args = parser.parse_args(argv)
    try:
        return _clean(args)
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


def _language(lines) -> str:
    """Chinese if CJK characters make up a fair share of the letters."""
    sample = "".join(line.text for line in lines[:200])
    cjk = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff")
    latin = sum(1 for c in sample if c.isascii() and c.isalpha())
    return "zh" if cjk * 2 >= latin else "en"


if __name__ == "__main__":
    raise SystemExit(main())
