"""A curator's article folder checked against its own text: overrides that name nothing, or
name something twice, and metadata that contradicts the text, are errors naming file and line."""

from __future__ import annotations

import pytest

from duizhao.clean import clean_chinese
from duizhao.corpus import load_article
from duizhao.errors import InputError
from duizhao.ingest import read_lines

META = """title_zh: 读论文的三遍法
title_en: How I Learned to Read Papers
author: Ada Reyes
publisher: 新智元
script: hans
"""
SIMPLIFIED = "刚读博时，她把每篇论文从头读到尾。\n导师建议她分三遍读。\n一个月后，她读得又快又好。\n"


def _folder(tmp_path, zh=SIMPLIFIED, meta=META, overrides=None):
    folder = tmp_path / "translations" / "three-passes"
    folder.mkdir(parents=True)
    (folder / "zh.txt").write_text(zh, encoding="utf-8")
    (folder / "meta.yml").write_text(meta, encoding="utf-8")
    if overrides is not None:
        (folder / "overrides.yml").write_text(overrides, encoding="utf-8")
    return folder


def _error(folder, tmp_path) -> str:
    with pytest.raises(InputError) as caught:
        load_article(folder, tmp_path)
    return str(caught.value)


def test_a_spam_fragment_found_nowhere_is_an_error(tmp_path):
    folder = _folder(tmp_path, overrides="spam:\n  - 三遍\n  - 轴承公司\n")
    assert "translations/three-passes/overrides.yml:3: spam fragment '轴承公司' is not in the text" in _error(folder, tmp_path)
    (folder / "overrides.yml").write_text("spam:\n  - 三遍\n", encoding="utf-8")
    load_article(folder, tmp_path)  # a fragment the text holds is removed, as before


def test_a_paragraph_pinned_twice_is_an_error(tmp_path):
    folder = _folder(tmp_path)
    zh, _ = clean_chinese(read_lines(folder / "zh.txt"), "zh.txt")
    first = zh.blocks[0].id
    (folder / "overrides.yml").write_text(f"align:\n  - zh: {first}\n    en: []\n  - zh: {first}\n    en: []\n",
                                          encoding="utf-8")
    assert f"overrides.yml:4: align pins '{first}' a second time (first on line 2)" in _error(folder, tmp_path)


def test_an_unknown_paragraph_says_where_ids_come_from(tmp_path):
    folder = _folder(tmp_path, overrides="align:\n  - zh: zh-000000\n    en: []\n")
    assert "duizhao align zh.txt en.txt" in _error(folder, tmp_path)


@pytest.mark.parametrize("said, text, found", [
    ("hans", "刚读博时，她把每篇論文從頭讀到尾。\n導師建議她分三遍讀。\n一個月後，她讀得又快又好。\n", "Traditional (hant)"),
    ("hant", SIMPLIFIED, "Simplified (hans)")])
def test_a_script_the_text_is_not_in_is_an_error_on_its_line(tmp_path, said, text, found):
    folder = _folder(tmp_path, zh=text, meta=META.replace("script: hans", f"script: {said}"))
    message = _error(folder, tmp_path)
    assert f"translations/three-passes/meta.yml:5: field 'script' says '{said}'" in message
    assert found in message


def test_a_text_garbled_throughout_is_refused(tmp_path):
    # UTF-8 once read as GBK and saved so: every line is mojibake, and the page would be unreadable.
    garbled = SIMPLIFIED.encode("utf-8").decode("gbk", errors="replace")
    folder = _folder(tmp_path, zh=garbled)
    message = _error(folder, tmp_path)
    assert "translations/three-passes/zh.txt:1: 3 of its 3 lines hold mojibake" in message
    assert "wrong encoding" in message
