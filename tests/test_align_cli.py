"""The ``duizhao align`` contract other tools rely on: one JSON object, every unit present."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from duizhao.cli import columns

ROOT = Path(__file__).resolve().parent.parent
PAIR = ROOT / "translations" / "nathan-lambert-path-into-ai"
LIGHTHOUSE = Path(__file__).parent / "gold" / "lighthouse"


def run_align(zh: Path, en: Path, *flags: str, columns: int = 100) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "duizhao.cli", "align", str(zh), str(en), *flags],
                          capture_output=True, text=True, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin",
                               "HOME": str(Path.home()), "COLUMNS": str(columns)})


def notes(stderr: str) -> list[str]:
    """What the command said on stderr besides the lines cleaning took out (said for any page
    copied with its furniture)."""
    return [line for line in stderr.splitlines() if not line.startswith("duizhao: cleaning took ")]


def test_lines_cleaning_takes_out_are_counted_not_silent(tmp_path):
    zh = tmp_path / "zh.txt"
    zh.write_text((LIGHTHOUSE / "zh.txt").read_text(encoding="utf-8") + "\n点赞\n在看\n", encoding="utf-8")
    result = run_align(zh, LIGHTHOUSE / "en.txt", "--json")
    assert result.returncode == 0
    assert f"duizhao: cleaning took 2 lines out of {zh} " in result.stderr, result.stderr
    assert "took" not in run_align(LIGHTHOUSE / "zh.txt", LIGHTHOUSE / "en.txt", "--json").stderr


def check_contract(data: dict) -> None:
    assert set(data) == {"zh_units", "en_units", "links"}
    for units in (data["zh_units"], data["en_units"]):
        assert units and all(set(u) == {"id", "text"} and u["text"] for u in units)
        assert len({u["id"] for u in units}) == len(units)
    zh_ids = [u["id"] for u in data["zh_units"]]
    en_ids = [u["id"] for u in data["en_units"]]
    seen_zh = []
    for link in data["links"]:
        assert set(link) == {"zh", "en", "score"}
        assert link["zh"] and link["en"]
        assert set(link["zh"]) <= set(zh_ids) and set(link["en"]) <= set(en_ids)
        assert 0.0 <= link["score"] <= 1.0
        seen_zh.extend(link["zh"])
    assert len(seen_zh) == len(set(seen_zh)), "a Chinese unit is in two links"


@pytest.mark.parametrize("zh, en", [(PAIR / "zh.txt", PAIR / "en.txt"),
                                    (LIGHTHOUSE / "zh.txt", LIGHTHOUSE / "en.txt")])
def test_json_contract(zh, en):
    result = run_align(zh, en, "--json")
    assert result.returncode == 0, result.stderr
    check_contract(json.loads(result.stdout))


def test_one_sentence_per_line_gives_one_unit_per_line():
    data = json.loads(run_align(LIGHTHOUSE / "zh.txt", LIGHTHOUSE / "en.txt", "--json").stdout)
    assert len(data["zh_units"]) == len(data["en_units"]) == 10
    assert len(data["links"]) == 10


def test_run_on_page_against_paragraph_file(tmp_path):
    (tmp_path / "en.txt").write_text(" ".join(
        (LIGHTHOUSE / "en.txt").read_text(encoding="utf-8").split("\n")), encoding="utf-8")
    (tmp_path / "zh.txt").write_text((LIGHTHOUSE / "zh.txt").read_text(encoding="utf-8").replace("\n", ""),
                                     encoding="utf-8")
    data = json.loads(run_align(tmp_path / "zh.txt", tmp_path / "en.txt", "--json").stdout)
    check_contract(data)
    assert len(data["zh_units"]) == 1 and len(data["links"]) == 1
    assert len(data["links"][0]["en"]) == len(data["en_units"])


NIGHT_SHIFT = Path(__file__).parent / "gold" / "night-shift"


def _flattened_night_shift(folder: Path) -> Path:
    """The written pair's English copied from a web page without its line breaks, beside its summary."""
    written = (NIGHT_SHIFT / "en.txt").read_text(encoding="utf-8").splitlines()
    (folder / "en.txt").write_text(" ".join(line.strip() for line in written if line.strip()), encoding="utf-8")
    (folder / "zh.txt").write_text((NIGHT_SHIFT / "zh.txt").read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_a_flattened_page_gets_the_heading_its_summary_names(tmp_path):
    # "What I tell new students I defended my thesis…": only the summary's 给新生的三个建议 tells
    # that a heading ends before "I".
    folder = _flattened_night_shift(tmp_path)
    units = [u["text"] for u in json.loads(run_align(folder / "zh.txt", folder / "en.txt", "--json").stdout)["en_units"]]
    assert "What I tell new students" in units
    assert any(u.startswith("I defended my thesis") for u in units)


def test_cleaning_an_english_text_uses_the_summary_beside_it_as_the_build_does(tmp_path):
    folder = _flattened_night_shift(tmp_path)
    clean = [sys.executable, "-m", "duizhao.cli", "clean", str(folder / "en.txt")]
    env = {"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin", "HOME": str(Path.home())}
    beside = subprocess.run(clean, capture_output=True, text=True, cwd=ROOT, env=env).stdout
    assert "## What I tell new students\n" in beside
    assert "split_headings_named_by_summary" in beside  # the report says which step cut it
    (folder / "zh.txt").unlink()
    alone = subprocess.run(clean, capture_output=True, text=True, cwd=ROOT, env=env).stdout
    assert "## What I tell new students\n" not in alone
    (folder / "zh.txt").write_text("", encoding="utf-8")  # an empty summary: the English alone, no error
    empty = subprocess.run(clean, capture_output=True, text=True, cwd=ROOT, env=env)
    assert empty.returncode == 0 and empty.stdout == alone


def _write_pair(folder: Path, zh: list[str], en: list[str]) -> tuple[Path, Path]:
    (folder / "zh.txt").write_text("\n".join(zh) + "\n", encoding="utf-8")
    (folder / "en.txt").write_text("\n".join(en) + "\n", encoding="utf-8")
    return folder / "zh.txt", folder / "en.txt"


def test_one_sentence_rendered_by_one_line_is_linked(tmp_path):
    # With one sentence there is nothing unrelated to measure a line's background against:
    # the match itself had been taken for the background, and nothing was ever linked.
    zh, en = _write_pair(tmp_path, ["他在谷歌大脑工作了三年，然后去读博士。"],
                         ["He worked at Google Brain for three years before starting his PhD."])
    data = json.loads(run_align(zh, en, "--json").stdout)
    assert [(link["zh"], link["en"]) for link in data["links"]] == [
        ([data["zh_units"][0]["id"]], [data["en_units"][0]["id"]])]


def test_readable_view_shows_skipped_english_where_the_source_has_it(tmp_path):
    zh, en = _write_pair(tmp_path, ["我第一次读到那篇论文是在二零一八年。", "小编觉得这个故事非常励志。", "后来我给作者写了一封邮件。"],
                         ["I first read that paper in 2018.", "It changed how I thought about reinforcement learning.",
                          "Later I wrote the author an email."])
    rows = [row.split(" │ ") for row in run_align(zh, en).stdout.splitlines() if " │ " in row]
    right = [r.strip() for _, r in rows]
    assert right.index("(not in the summary: 1 sentence)") == right.index("(no source)") + 1
    skipped = right.index("(not in the summary: 1 sentence)")
    later = next(k for k, (left, _) in enumerate(rows) if left.startswith("后来"))
    assert right[skipped + 1].startswith("It changed how") and later > skipped + 1
    assert not any(left.strip() for left, _ in rows[skipped:later])  # beside an empty left column
    assert right[later].endswith("Later I wrote the author an email.")
    assert run_align(zh, en).stdout.rstrip().endswith(
        "2 links, 1 Chinese block without source, 1 English sentence not expressed.")


@pytest.mark.parametrize("width", [60, 80])
def test_readable_view_is_two_columns_that_fit_the_terminal(width):
    result = run_align(PAIR / "zh.txt", PAIR / "en.txt", columns=width)
    assert result.returncode == 0, result.stderr
    assert "(no source)" in result.stdout and " │ " in result.stdout
    rows = result.stdout.splitlines()
    assert max(columns(row) for row in rows) <= width  # the closing summary too
    # The column rule stands in one place on every row, whatever the script on its left.
    assert len({columns(row.split(" │ ")[0]) for row in rows if " │ " in row}) == 1
    # As in Chinese typography, no line of the summary starts with a closing mark.
    starts = [row.split(" │ ")[0][:1] for row in rows if " │ " in row]
    assert not set(starts) & set("。，、；：？！）」』”")


@pytest.mark.parametrize("width", [40, 24])
def test_a_narrow_terminal_gets_each_block_over_its_english(width):
    result = run_align(PAIR / "zh.txt", PAIR / "en.txt", columns=width)
    assert result.returncode == 0, result.stderr
    rows = result.stdout.splitlines()
    assert " │ " not in result.stdout and max(columns(row) for row in rows) <= width
    # A Chinese row, then its English indented under it with the link's score first.
    k = next(k for k, row in enumerate(rows) if row.startswith("    1.00"))
    assert rows[k - 1] and not rows[k - 1].startswith(" ") and any("\u4e00" <= c <= "\u9fff" for c in rows[k - 1])


def test_files_in_the_wrong_order_are_an_error_not_nonsense():
    result = run_align(LIGHTHOUSE / "en.txt", LIGHTHOUSE / "zh.txt", "--json")
    assert result.returncode == 2 and result.stdout == ""
    assert "en.txt: no Chinese text here" in result.stderr and "Traceback" not in result.stderr


def test_japanese_is_named_not_simplified_as_chinese(tmp_path):
    # Japanese uses Chinese characters: read as Chinese, 島 and 時 would be "simplified" to 岛
    # and 时 and the text aligned as if it were a translation.
    zh = tmp_path / "zh.txt"
    zh.write_text("毎週金曜日の夜、母は島から本土へ渡った。\n船は九時に出た。\n", encoding="utf-8")
    result = run_align(zh, LIGHTHOUSE / "en.txt", "--json")
    assert result.returncode == 2 and result.stdout == ""
    assert "zh.txt: this is Japanese" in result.stderr, result.stderr


@pytest.mark.parametrize("text, encoding", [
    ("2019 2020 2021\n42\n", "utf-8"),                          # figures only
    ("Я пришёл в лабораторию в 2019 году.\n", "utf-8"),           # another script
    ("我的祖父在山坡上養了四十年蜜蜂。\n他有十一個蜂箱。\n", "big5"),  # Chinese in a legacy encoding
])
def test_english_side_without_english_is_named_as_such(tmp_path, text, encoding):
    en = tmp_path / "en.txt"
    en.write_bytes(text.encode(encoding))
    result = run_align(LIGHTHOUSE / "zh.txt", en, "--json")
    assert result.returncode == 2 and result.stdout == ""
    assert "Traceback" not in result.stderr
    assert ("en.txt: this is Chinese text in Big5, not English" if encoding == "big5"
            else "en.txt: no English text here") in result.stderr


def test_a_reader_that_stops_reading_gets_no_traceback(tmp_path):
    # The summary followed by two other articles: its JSON is larger than a pipe's buffer
    # (64 KiB), so the writer is sure to meet the closed pipe, not finish before ``head``
    # exits. (The same text twice would not do: cleaning keeps one copy of a repeated text.)
    zh = tmp_path / "zh.txt"
    others = ("omar-khattab-research-impact", "john-schulman-interview")
    zh.write_text("\n".join((folder / "zh.txt").read_text(encoding="utf-8")
                            for folder in (PAIR, *(ROOT / "translations" / name for name in others))), encoding="utf-8")
    command = (f"{sys.executable} -m duizhao.cli align {zh} {PAIR / 'en.txt'} --json | head -c 100 > /dev/null; "
               "exit ${PIPESTATUS[0]}")  # the aligner's own exit status, not head's
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, cwd=ROOT,
                            env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin", "HOME": str(Path.home())})
    assert result.returncode == 0 and notes(result.stderr) == [], result.stderr
    full = run_align(zh, PAIR / "en.txt", "--json")
    assert full.returncode == 0 and len(full.stdout.encode()) > 65536, full.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs a device that is always full")
def test_an_output_that_cannot_be_written_is_reported_not_raised():
    command = f"{sys.executable} -m duizhao.cli align {LIGHTHOUSE / 'zh.txt'} {LIGHTHOUSE / 'en.txt'} --json > /dev/full"
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, cwd=ROOT,
                            env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin", "HOME": str(Path.home())})
    assert result.returncode == 1 and result.stderr.strip() == "duizhao: cannot write the output: No space left on device", \
        result.stderr


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_terminal_that_cannot_show_chinese_gets_its_view_and_utf8_json(encoding):
    env = {"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin", "HOME": str(Path.home()), "PYTHONIOENCODING": encoding}
    command = [sys.executable, "-m", "duizhao.cli", "align", str(LIGHTHOUSE / "zh.txt"), str(LIGHTHOUSE / "en.txt")]
    view = subprocess.run(command, capture_output=True, cwd=ROOT, env=env)
    assert view.returncode == 0 and b"Traceback" not in view.stderr and b"?" in view.stdout, view.stderr
    data = subprocess.run([*command, "--json"], capture_output=True, cwd=ROOT, env=env)
    assert data.returncode == 0, data.stderr
    check_contract(json.loads(data.stdout.decode("utf-8")))


def test_an_unreadable_overrides_file_is_named_as_such(tmp_path):
    for name in ("zh.txt", "en.txt"):
        (tmp_path / name).write_text((LIGHTHOUSE / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "overrides.yml").mkdir()
    result = run_align(tmp_path / "zh.txt", tmp_path / "en.txt")
    assert result.returncode == 2 and "overrides.yml: cannot read: Is a directory" in result.stderr, result.stderr


def test_an_endless_or_huge_file_is_refused(tmp_path):
    result = run_align(Path("/dev/zero"), LIGHTHOUSE / "en.txt", "--json")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "/dev/zero: larger than 20 MB" in result.stderr, result.stderr


def test_missing_file_is_reported_not_raised(tmp_path):
    result = run_align(tmp_path / "nope.txt", LIGHTHOUSE / "en.txt", "--json")
    assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr
    assert "nope.txt" in result.stderr, result.stderr


SEEDS = ROOT / "translations"
STRESS = Path(__file__).parent / "gold" / "stress-translation"


def test_english_that_is_not_the_source_gets_no_links():
    # A real summary against the English of a different essay on the same subject: every
    # line still has words in common with some sentence, but the matches keep no order.
    result = run_align(SEEDS / "omar-khattab-research-impact" / "zh.txt", PAIR / "en.txt", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    check_contract(data)
    assert data["links"] == []
    assert "does not seem to be the source of" in result.stderr and "omar-khattab" in result.stderr


def test_english_excerpt_of_a_long_translation_is_still_aligned(tmp_path):
    # Three paragraphs of English against the whole compiled translation (132 blocks): most
    # Chinese lines have no source here, yet the excerpt's own lines are found.
    lines = (STRESS / "en.txt").read_text(encoding="utf-8").splitlines()
    (tmp_path / "en.txt").write_text("\n".join(lines[3:6]) + "\n", encoding="utf-8")
    result = run_align(SEEDS / "felix-hill-weights-of-responsibility" / "zh.txt", tmp_path / "en.txt", "--json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["links"]) >= 8 and notes(result.stderr) == [], result.stderr


def test_an_article_folders_overrides_apply_so_its_ids_are_the_builds(tmp_path):
    # A fix changes a line, and so its id: the id printed must be the one a pin can name.
    for name in ("zh.txt", "en.txt"):
        (tmp_path / name).write_bytes((LIGHTHOUSE / name).read_bytes())
    first = (LIGHTHOUSE / "zh.txt").read_text(encoding="utf-8").splitlines()[0]
    (tmp_path / "overrides.yml").write_text(
        f"fix:\n  - line: 1\n    find: {first[:2]!r}\n    replace: {first[:2] + '，'!r}\n", encoding="utf-8")
    plain = json.loads(run_align(tmp_path / "zh.txt", tmp_path / "en.txt", "--json", "--no-overrides").stdout)
    fixed = json.loads(run_align(tmp_path / "zh.txt", tmp_path / "en.txt", "--json").stdout)
    assert plain["zh_units"][0]["text"] == first and fixed["zh_units"][0]["text"].startswith(first[:2] + "，")
    assert plain["zh_units"][0]["id"] != fixed["zh_units"][0]["id"]
    # …and a pin to that id holds, as in the build.
    with (tmp_path / "overrides.yml").open("a", encoding="utf-8") as overrides:
        overrides.write(f"align:\n  - zh: {fixed['zh_units'][0]['id']}\n    en: []\n")
    pinned = json.loads(run_align(tmp_path / "zh.txt", tmp_path / "en.txt", "--json").stdout)
    assert fixed["zh_units"][0]["id"] not in {z for link in pinned["links"] for z in link["zh"]}
    assert fixed["zh_units"][0]["id"] in {z for link in fixed["links"] for z in link["zh"]}



def test_a_stale_pin_is_reported_and_left_out_not_fatal(tmp_path):
    # The curator runs align to find the ids that mend it: a stale pin must not stop that.
    for name in ("zh.txt", "en.txt"):
        (tmp_path / name).write_bytes((LIGHTHOUSE / name).read_bytes())
    (tmp_path / "overrides.yml").write_text("align:\n  - zh: zh-000000\n    en: []\n", encoding="utf-8")
    result = run_align(tmp_path / "zh.txt", tmp_path / "en.txt", "--json")
    assert result.returncode == 0 and "overrides.yml:2: align names unknown Chinese paragraph 'zh-000000'" in result.stderr
    assert len(json.loads(result.stdout)["links"]) == 10
