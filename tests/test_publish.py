"""The built site replaces the previous one whole, or not at all, whatever the output folder is."""

from __future__ import annotations

import logging
import os

import pytest

from duizhao.publish import PREVIOUS, STAGING, StagedOutput


def _site(folder, text):
    (folder / "index.html").write_text(text, encoding="utf-8")
    (folder / "assets").mkdir(exist_ok=True)
    (folder / "assets" / "a.css").write_text(text, encoding="utf-8")


def _files(folder):
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.is_file()}


def test_a_sound_build_replaces_the_files_inside_the_output_folder(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    _site(site, "old")
    (site / "gone.html").write_text("old", encoding="utf-8")
    inode = site.stat().st_ino
    output = StagedOutput.begin(str(site), strict=True)
    assert output.staging == site / STAGING
    _site(output.staging, "new")
    assert output.publish()
    assert _files(site) == {"index.html": "new", "assets/a.css": "new"}  # the old page that is gone, gone
    assert site.stat().st_ino == inode  # the folder itself stays (a server's working folder, a mount point)


def test_a_symbolic_link_to_the_output_stays_a_link(tmp_path):
    target = tmp_path / "www" / "html"
    target.mkdir(parents=True)
    _site(target, "old")
    (tmp_path / "site").symlink_to(target)
    output = StagedOutput.begin(str(tmp_path / "site"), strict=True)
    _site(output.staging, "new")
    assert output.publish()
    assert (tmp_path / "site").is_symlink() and _files(target) == {"index.html": "new", "assets/a.css": "new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "www"]


def _building_over_an_old_site(tmp_path, strict=True):
    """An output folder holding a previous site, and a build that has written a new one."""
    site = tmp_path / "site"
    site.mkdir()
    _site(site, "old")
    output = StagedOutput.begin(str(site), strict=strict)
    _site(output.staging, "new")
    return site, output


def test_a_warning_in_a_strict_build_keeps_the_previous_site(tmp_path):
    site, output = _building_over_an_old_site(tmp_path)
    logging.getLogger("mkdocs.plugins.test").warning("a link that leads nowhere")
    assert not output.publish()
    assert _files(site) == {"index.html": "old", "assets/a.css": "old"}


def test_a_failed_build_leaves_nothing_behind(tmp_path):
    site, output = _building_over_an_old_site(tmp_path)
    assert output in StagedOutput.open_builds()
    output.discard()
    assert _files(site) == {"index.html": "old", "assets/a.css": "old"} and output not in StagedOutput.open_builds()


def test_a_move_failing_halfway_puts_the_previous_site_back(tmp_path, monkeypatch):
    site, output = _building_over_an_old_site(tmp_path, strict=False)
    real_replace, calls = os.replace, []

    def failing(source, destination):
        calls.append(source)
        if STAGING in str(source) and len([c for c in calls if STAGING in str(c)]) == 2:
            raise OSError("disk full")
        return real_replace(source, destination)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OSError):
        output.publish()
    assert _files(site) == {"index.html": "old", "assets/a.css": "old"}
    assert not (site / STAGING).exists() and not (site / PREVIOUS).exists()
