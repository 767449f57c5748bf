"""publish/atomic.py: the one way clusterdw writes a file or a folder beside its place and renames it in."""

from __future__ import annotations

import errno
import os
import platform

import pytest

from pipelines.errors import PathRefused
from pipelines.publish import atomic, durable
from pipelines.report.write import write_site


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


def _site(text: str, n: int = 300) -> dict[str, str]:
    return {f"figure/f{i:04d}.html": f"{text} {i}" for i in range(n)} | {"index.html": text}


def test_write_site_syncs_many_files_at_once_and_puts_them_all_in_place(tmp_path):
    out = tmp_path / "report"
    write_site(out, _site("old"), ("figure",))
    write_site(out, _site("new", 500), ("figure",))
    assert len(list((out / "figure").iterdir())) == 500
    assert (out / "figure" / "f0499.html").read_text(encoding="utf-8") == "new 499"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]


def test_syncfs_is_the_way_on_linux_and_fsync_of_each_file_elsewhere(tmp_path):
    """One syncfs on Linux 5.8+ (it reports write-back errors there); the fallback fsyncs every file and
    folder, and fails on one it cannot open, leaving the old folder as it was."""
    if platform.system() == "Linux" and durable._kernel() >= (5, 8):
        with durable.TreeSync(tmp_path) as synced:
            assert synced._fd is not None
    final, new = tmp_path / "report", tmp_path / ".report.tmp-1"
    final.mkdir()
    (final / "index.html").write_text("old", encoding="utf-8")
    new.mkdir()
    with durable.TreeSync(new, use_syncfs=False) as synced:
        (new / "index.html").write_text("new", encoding="utf-8")
        (new / "broken.html").symlink_to(tmp_path / "nowhere")  # a file the fallback cannot open to fsync
        with pytest.raises(FileNotFoundError):
            atomic.replace_dir(new, final, synced)
        assert (final / "index.html").read_text(encoding="utf-8") == "old"
        (new / "broken.html").unlink()
        atomic.replace_dir(new, final, synced)
    assert (final / "index.html").read_text(encoding="utf-8") == "new"


@pytest.mark.parametrize(
    "bad_name, error",
    [
        ("figure/" + "f" * 300 + ".html", errno.ENAMETOOLONG),  # longer than a file name may be
        ("undeclared/f.html", errno.ENOENT),  # a folder write_site was not told to create
    ],
)
def test_a_write_failing_midway_leaves_the_old_site_whole_and_no_half_written_folder(tmp_path, bad_name, error):
    out = tmp_path / "report"
    write_site(out, _site("old"), ("figure",))
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    files = _site("new", 600)
    files = dict(list(files.items())[:300]) | {bad_name: "cannot be written"} | dict(list(files.items())[300:])
    with pytest.raises(OSError) as raised:
        write_site(out, files, ("figure",))
    assert raised.value.errno == error
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]  # the half-written folder is gone
