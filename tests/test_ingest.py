"""Decoding and metadata validation: bad input names the file and the line or field."""

from __future__ import annotations

import codecs

import pytest

from duizhao.errors import InputError
from duizhao.ingest import ENGLISH_ENCODINGS, decode, load_meta, load_overrides, read_lines

GOOD_META = """title_zh: 标题
title_en: Title
author: Someone
publisher: 新智元
original_url: https://example.org/a
script: hans
"""


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_decodes_simplified_in_every_accepted_encoding(encoding):
    text = "他的谷歌引用数已有5千多，h指数为32。"
    assert decode(text.encode(encoding), "zh.txt") == text


def test_decodes_big5_traditional():
    text = "自2023年初以來，他一直在與嚴重的精神疾病作鬥爭。"
    assert decode(text.encode("big5"), "zh.txt") == text


def test_bom_is_not_content():
    assert decode(codecs.BOM_UTF8 + "飞轮".encode(), "zh.txt") == "飞轮"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_decodes_utf16_only_with_its_byte_order_mark(encoding):
    text = "自2023年初以來，他一直在與嚴重的精神疾病作鬥爭。\r\nSecond line.\r\n"
    data = text.encode(encoding)
    if encoding == "utf-16":
        assert decode(data, "zh.txt") == text
    else:  # without a mark the bytes are not taken for UTF-16 (nor silently misread)
        with pytest.raises(InputError):
            decode(data, "zh.txt")
        mark = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
        assert decode(mark + data, "zh.txt") == text


def test_truncated_utf16_names_file_and_offset():
    with pytest.raises(InputError) as caught:
        decode("飞轮".encode("utf-16") + b"\x00", "translations/x/en.txt")
    message = str(caught.value)
    assert "translations/x/en.txt" in message and "UTF-16" in message and "byte offset 6" in message


def test_undecodable_bytes_name_file_and_offset():
    with pytest.raises(InputError) as caught:
        decode(b"ok \xff\xff\xff", "translations/x/zh.txt")
    message = str(caught.value)
    assert "translations/x/zh.txt" in message and "byte offset 3" in message


def test_undecodable_bytes_name_their_line(tmp_path):
    with pytest.raises(InputError) as caught:
        decode("第一行\n第二行\nbad \xff here\n".encode("utf-8").replace(b"\xc3\xbf", b"\xff"), "zh.txt")
    assert str(caught.value).startswith("zh.txt:3: cannot decode")
    with pytest.raises(InputError) as caught:
        decode("第一行\n第二行\n".encode("utf-16") + b"\x00", "zh.txt")
    assert str(caught.value).startswith("zh.txt:3: cannot decode as UTF-16")


def test_a_nul_byte_is_an_error_naming_its_line_not_a_silent_cut(tmp_path):
    # Converters stop at NUL: the rest of the line would vanish without a trace.
    path = tmp_path / "zh.txt"
    path.write_bytes("灯塔亮了。\n船驶过这座岛。\x00\x00玛拉学会了。\n".encode())
    with pytest.raises(InputError, match=r"zh.txt:2: contains a NUL byte"):
        read_lines(path)


def test_crlf_lines_are_numbered_like_the_editor_shows_them(tmp_path):
    path = tmp_path / "zh.txt"
    path.write_bytes("第一行\r\n\r\n第三行\r\n".encode())
    lines = read_lines(path)
    assert [(line.number, line.text) for line in lines] == [(1, "第一行"), (2, ""), (3, "第三行")]


def test_empty_file_is_an_error(tmp_path):
    path = tmp_path / "zh.txt"
    path.write_text("\n  \n", encoding="utf-8")
    with pytest.raises(InputError, match="zh.txt: the file is empty"):
        read_lines(path)


def test_good_meta_loads(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "meta.yml").write_text(GOOD_META, encoding="utf-8")
    meta = load_meta(tmp_path / "a", tmp_path)
    assert (meta.slug, meta.title_en, meta.script) == ("a", "Title", "hans")


def _meta_errors(tmp_path, text: str) -> str:
    """The error message of loading ``text`` as the meta.yml of folder ``a``."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "meta.yml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_meta(tmp_path / "a", tmp_path)
    return str(caught.value)


def test_meta_missing_and_misspelled_fields_are_all_reported(tmp_path):
    message = _meta_errors(tmp_path, GOOD_META.replace("author:", "autor:").replace("title_en: Title\n", ""))
    assert "a/meta.yml:2: unknown field 'autor' (did you mean 'author'?)" in message
    assert "a/meta.yml: missing field 'author'" in message
    assert "a/meta.yml: missing field 'title_en'" in message


def test_meta_values_are_checked_each_on_its_line(tmp_path):
    message = _meta_errors(tmp_path, GOOD_META.replace("script: hans", "script: simplified")
                           .replace("https://example.org/a", "htps://example.org/a")
                           + "date: last tuesday\nauthor: Someone Else\n")
    assert "a/meta.yml:6: field 'script' must be one of hans, hant, not 'simplified'" in message
    assert "a/meta.yml:5: field 'original_url' must be a web address starting with https://" in message
    assert "a/meta.yml:7: field 'date' must be a date written YYYY-MM-DD, not 'last tuesday'" in message
    assert "a/meta.yml:8: field 'author' is given twice (first on line 3)" in message


def test_a_field_that_is_not_one_value_is_not_also_missing(tmp_path):
    message = _meta_errors(tmp_path, GOOD_META.replace("script: hans", "script: [hans]"))
    assert "a/meta.yml:6: field 'script' must be a single value" in message and "missing" not in message


@pytest.mark.parametrize("name", ["Ada-Reyes", "ada-reyes copy", "ada_reyes", "ada--reyes"])
def test_a_folder_name_must_do_as_a_page_address(tmp_path, name):
    (tmp_path / name).mkdir()
    (tmp_path / name / "meta.yml").write_text(GOOD_META, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_meta(tmp_path / name, tmp_path)
    assert f"{name}: the folder's name becomes the page's address" in str(caught.value)
    assert "'ada-reyes" in str(caught.value)  # a name that would do


def test_a_pin_with_an_empty_en_is_an_error_not_a_pin_to_nothing(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "overrides.yml").write_text("align:\n  - zh: zh-123456\n    en:\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"a/overrides.yml:3: field 'en' is empty: .* write \[\]"):
        load_overrides(tmp_path / "a", tmp_path)
    (tmp_path / "a" / "overrides.yml").write_text("align:\n  - zh: zh-123456\n    en: []\n", encoding="utf-8")
    assert load_overrides(tmp_path / "a", tmp_path).links[0].en == ()


def test_meta_yaml_syntax_error_names_the_line(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "meta.yml").write_text("title_zh: x\ntitle_en: [unclosed\n", encoding="utf-8")
    # The bracket opened on line 2 is never closed: line 2 is named, not the file's end.
    with pytest.raises(InputError, match=r"a/meta.yml:2: YAML syntax error: while parsing a flow sequence"):
        load_meta(tmp_path / "a", tmp_path)


def test_yaml_mistake_mid_file_names_its_line(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "meta.yml").write_text("title_zh: x\ntitle_en: : y\nauthor: z\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"a/meta.yml:2: YAML syntax error: mapping values are not allowed"):
        load_meta(tmp_path / "a", tmp_path)


def test_override_with_unknown_section_names_the_line(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "overrides.yml").write_text("spam: [斯隆]\nspan: []\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"a/overrides.yml:2: unknown section 'span'"):
        load_overrides(tmp_path / "a", tmp_path)


def test_spam_keep_phrase_must_contain_the_fragment(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "overrides.yml").write_text("spam:\n  - text: 斯隆\n    keep: [诺贝尔奖]\n", encoding="utf-8")
    with pytest.raises(InputError, match="does not contain the fragment"):
        load_overrides(tmp_path / "a", tmp_path)


def test_undecodable_bytes_are_reported_where_the_likely_encoding_fails():
    # A GB18030 file with a broken character on its third line fails as UTF-8 at its first
    # character: the error must point at the third line.
    data = "第一行\n第二行\n".encode("gb18030") + b"bad \x81\x20 here\n"
    with pytest.raises(InputError) as caught:
        decode(data, "zh.txt")
    assert str(caught.value).startswith("zh.txt:3: cannot decode as UTF-8, GB18030, Big5: bad byte 0x81"), str(caught.value)
    assert "read as GB18030" in str(caught.value)
    # Windows-1252 reads 0xff (ÿ) and fails at 0x81 on the second line.
    with pytest.raises(InputError, match=r"^en\.txt:2: .* bad byte 0x81 .*read as Windows-1252"):
        decode(b"caf\xff ok\nbad \x81 byte\n", "en.txt", ENGLISH_ENCODINGS)
    # UTF-16 saved without its byte-order mark is named as such.
    with pytest.raises(InputError, match="looks like UTF-16 without a byte-order mark"):
        decode("第一行\n第二行\n".encode("utf-16-le"), "zh.txt")


def test_a_damaged_utf8_file_is_named_where_it_is_damaged(tmp_path):
    # English in UTF-8 with one stray byte: read as Windows-1252 its dashes would become "â€”"
    # everywhere, silently. A GB18030 file whose first character passes for UTF-8 (每 is C3 BF)
    # is still named at the line its own encoding fails on.
    path = tmp_path / "en.txt"
    path.write_bytes("One line \u2014 in UTF-8.\nAnother.\nA mista\xffke.\n".encode("utf-8").replace(b"\xc3\xbf", b"\xff"))
    with pytest.raises(InputError, match=r"^.*en\.txt:3: cannot decode as UTF-8: bad byte 0xff .*damaged"):
        read_lines(path, english=True)
    data = "每一行\n第二行\n第三行\n".encode("gb18030") + b"bad \x81\x20 here\n"
    with pytest.raises(InputError, match=r"^zh\.txt:4: .*read as GB18030"):
        decode(data, "zh.txt")
    # Saved with a byte-order mark (as Notepad does): the bad byte is named where it is.
    with pytest.raises(InputError, match=r"^en\.txt:2: .*bad byte 0xff at byte offset 33"):
        decode(b"\xef\xbb\xbfOne line \xe2\x80\x94 in UTF-8.\nA mista\xffke.\n", "en.txt", ENGLISH_ENCODINGS)
    with pytest.raises(InputError, match=r"^zh\.txt:2: .*bad byte 0xff"):
        decode("\ufeff中文。\n第二行".encode("utf-8") + b"A\xff\n", "zh.txt")
    # Windows-1252 whose capital and curly quote happen to form one UTF-8 character is read as such.
    text = "PELÉ’s first goal came in 1958, at the café next door.\n"
    assert decode(text.encode("cp1252"), "en.txt", ENGLISH_ENCODINGS) == text


def test_english_in_the_western_windows_encoding_is_not_read_as_chinese(tmp_path):
    path = tmp_path / "en.txt"
    path.write_bytes(b"The na\xefve fa\xe7ade of the old lighthouse.\n")
    assert read_lines(path, english=True)[0].text == "The naïve façade of the old lighthouse."
    path.write_bytes(b"ok\nbad \x81 byte\n")  # undefined in Windows-1252 too
    with pytest.raises(InputError, match=r"en.txt:2: cannot decode as UTF-8, Windows-1252: bad byte 0x81"):
        read_lines(path, english=True)
