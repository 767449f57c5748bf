"""publish/atomic.py: the one way clusterdw writes a file or a folder beside its place and renames it in."""

from __future__ import annotations

import os

import pytest

from pipelines.errors import PathRefused
from pipelines.publish import atomic


def test_write_atomic_replaces_the_file_and_leaves_nothing_beside_it(tmp_path):
    path = tmp_path / "run_results.json"
    path.write_text("old", encoding="utf-8")
    atomic.write_atomic(path, "新的")
    atomic.write_atomic(path, "新的 again".encode())
    assert path.read_text(encoding="utf-8") == "新的 again"
    assert [p.name for p in tmp_path.iterdir()] == ["run_results.json"]


def test_write_atomic_never_writes_through_a_link_planted_at_its_temporary_name(tmp_path):
    victim = tmp_path / "victim"
    victim.write_text("mine", encoding="utf-8")
    (tmp_path / "manifest.json.tmp").symlink_to(victim)
    with pytest.raises(PathRefused):
        atomic.write_atomic(tmp_path / "manifest.json", "{}", tmp_name="manifest.json.tmp")
    assert victim.read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "manifest.json").exists()


def test_replace_dir_swaps_the_folders_and_removes_the_old_one(tmp_path):
    final, new = tmp_path / "report", tmp_path / ".report.tmp-1"
    final.mkdir()
    (final / "index.html").write_text("old", encoding="utf-8")
    new.mkdir()
    (new / "index.html").write_text("new", encoding="utf-8")
    atomic.replace_dir(new, final)
    assert (final / "index.html").read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["report"]


def test_replace_dir_puts_the_old_folder_back_when_the_new_one_cannot_go_in(tmp_path, monkeypatch):
    final, new = tmp_path / "report", tmp_path / ".report.tmp-1"
    final.mkdir()
    (final / "index.html").write_text("old", encoding="utf-8")
    new.mkdir()
    rename = os.rename

    def second_rename_fails(source, target):
        if os.fspath(source) == os.fspath(new):
            raise OSError(28, "No space left on device")
        rename(source, target)

    monkeypatch.setattr(atomic.os, "rename", second_rename_fails)
    with pytest.raises(OSError):
        atomic.replace_dir(new, final)
    assert (final / "index.html").read_text(encoding="utf-8") == "old"
