"""The cleaning report: what every fixer removed or changed, line by line."""

from __future__ import annotations

from collections import Counter
from itertools import groupby

from .corpus import CleaningReport
from .fixlog import CleaningLog
from .markup import h, heading_in_both_scripts, zh_text
from .script import DEFAULT_TRADITIONAL


def summary_line(report: CleaningReport) -> str:
    """One line per article for the build log."""
    parts = [f"{report.slug}: zh {_counts(report.zh)}"]
    if report.en:
        parts.append(f"en {_counts(report.en)}")
    problems = len(report.zh.problems) + (len(report.en.problems) if report.en else 0)
    if problems:
        parts.append(f"{problems} to review")
    return "; ".join(parts)


def _counts(log: CleaningLog) -> str:
    return ", ".join(f"{n} {action}" for action, n in _actions(log)) or "unchanged"


def _actions(log: CleaningLog) -> list[tuple[str, int]]:
    """How many changes of each action a file had, by action."""
    return sorted(Counter(change.action for change in log.changes).items())


def text_report(log: CleaningLog) -> str:
    """Plain-text report for one file (used by ``duizhao clean``)."""
    lines = [f"# cleaning report for {log.path}"]
    for change in log.changes:
        detail = repr(change.before) if change.action == "removed" else f"{change.before!r} -> {change.after!r}"
        lines.append(f"{log.path}:{change.line}: {change.fixer}: {change.action} {detail}")
    for problem in log.problems:
        lines.append(f"{problem}  [to review]")
    if len(lines) == 1:
        lines.append("(no changes)")
    return "\n".join(lines)


def report_page(reports: tuple[CleaningReport, ...], traditional: str = DEFAULT_TRADITIONAL,
                titles: dict[str, tuple[str, str]] | None = None) -> str:
    """The site page listing every cleaning change, for curators and sceptical readers.

    Each article's section is headed by its Chinese title (``titles``: folder name →
    Simplified and Traditional title, as the article's own page shows them), with the
    folder name beside it, the name a curator finds it under."""
    titles = titles or {}
    out = [
        "---",
        "title: 清洗报告 Cleaning report",
        "search:",
        "  exclude: true",
        "---",
        "",
        f"# {zh_text('清洗报告', traditional)} <small lang=\"en\">Cleaning report</small>",
        "",
        f"<p>{zh_text('构建时对收到的文本删除或改动的每一行，以及做出改动的清洗步骤。没有记录在这里的内容都不会被删除。', traditional)}</p>",
        "",
        '<p lang="en">Every line the build removed or changed in the texts as received, with the fixer '
        "that did it. Nothing is dropped without a line here.</p>",
        "",
    ]
    for report in reports:
        if report.slug in titles:
            hans, hant = titles[report.slug]
            out += [heading_in_both_scripts(hans, hant, report.slug, "##", f" <small><code>{report.slug}</code></small>"), ""]
        else:
            out += [f"## {report.slug} {{#{report.slug}}}", ""]
        for log in filter(None, (report.zh, report.en)):
            out += [_table(log, traditional, english=log is report.en), ""]
    return "\n".join(out)


ACTIONS = {"removed": "删除", "changed": "改动", "merged": "合并", "split": "拆分"}
"""A change's action in Chinese, beside the English word the log and the command line use."""


def _action(action: str, traditional: str) -> str:
    return f'{zh_text(ACTIONS[action], traditional)} <small lang="en">{action}</small>'


def _counts_in_both(log: CleaningLog, traditional: str) -> str:
    """The summary of a file's changes for the report page: "216 处改动 changed, 1 处删除 removed"."""
    return (", ".join(f'{n} {zh_text("处" + ACTIONS[action], traditional)} <span lang="en">{action}</span>'
                      for action, n in _actions(log))
            or f'{zh_text("未改动", traditional)} <span lang="en">unchanged</span>')


_COLUMNS = (("行", "line"), ("清洗步骤", "fixer"), ("操作", "action"), ("改动前", "before"), ("改动后", "after"))


def _table(log: CleaningLog, traditional: str = DEFAULT_TRADITIONAL, english: bool = False) -> str:
    """A file's changes; the text of an English file, and our messages, marked as English (the
    page is in Chinese, and a screen reader would read them in a Chinese voice)."""
    verbatim = 'class="dz-verbatim" lang="en"' if english else 'class="dz-verbatim"'
    rows = ""
    # The text as received and as cleaned, byte for byte: never shown converted. Consecutive
    # changes with one result share the cell holding it: the 601 subtitle phrases of one
    # interview show their paragraph once, not once a phrase.
    for result, run in groupby(log.changes, key=lambda change: change.after):
        run = list(run)
        span = f" rowspan={len(run)}" if len(run) > 1 else ""
        for n, change in enumerate(run):
            after = f'<td {verbatim}{span}>{h(result)}</td>' if n == 0 else ""
            # A fixer's name may break at its underscores, and only there (on a phone).
            fixer = "_<wbr>".join(h(part) for part in change.fixer.split("_"))
            rows += (f"<tr><td>{change.line}</td><td><code>{fixer}</code></td><td>{_action(change.action, traditional)}</td>"
                     f'<td {verbatim}>{h(change.before)}</td>{after}</tr>')
    rows += "".join(
        f'<tr class="dz-review"><td>{p.line or ""}</td><td colspan="4" class="dz-verbatim" lang="en">{h(p.message)}</td></tr>' for p in log.problems
    )
    head = "".join(f'<th>{zh_text(zh, traditional)} <small lang="en">{en}</small></th>' for zh, en in _COLUMNS)
    return (
        f"<details><summary><code>{h(log.path)}</code>: {_counts_in_both(log, traditional)}</summary>"
        # The table scrolls inside its own box: on a phone it is wider than the page.
        f'<div class="dz-scroll"><table class="dz-report"><thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table></div></details>"
    )
