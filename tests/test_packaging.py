"""The distribution: one top-level name on the package index, and both ways to run the command."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT

SOURCES = ["pyproject.toml", "README.md", "storyline", "summarize", "timeline", "tui"]


def test_wheel_installs_only_the_storyline_package(tmp_path: Path) -> None:
    # Built from a copy, so the checkout gains no build/ or egg-info folder.
    project = tmp_path / "project"
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            project.mkdir(exist_ok=True)
            shutil.copy(source, project / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path / "dist"), str(project)], check=True, capture_output=True)
    wheel = next((tmp_path / "dist").glob("storyline-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/", 1)[0] for n in names if not n.split("/", 1)[0].endswith(".dist-info")}
    assert tops == {"storyline"}
    for module in ("storyline/__main__.py", "storyline/summarize/story.py", "storyline/timeline/tagger/scan.py",
                   "storyline/tui/cli.py", "storyline/tui/storyline.tcss", "storyline/tui/widgets/chat.py",
                   "storyline/tui/screens/source.py"):
        assert module in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "storyline = storyline.tui.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_python_dash_m_storyline(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "storyline", "--help"], capture_output=True, text=True,
                            cwd=tmp_path)
    assert result.returncode == 0 and "Usage:" in result.stdout and "timeline" in result.stdout


def test_the_layers_have_one_name() -> None:
    # From the checkout's root the folders are importable by their own names: that would be a
    # second copy of every module (two Article classes), so each layer refuses it.
    for layer in ("summarize", "timeline", "tui"):
        result = subprocess.run([sys.executable, "-c", f"import {layer}"], cwd=ROOT, capture_output=True,
                                text=True)
        assert result.returncode == 1
        assert f"import storyline.{layer} instead" in result.stderr.splitlines()[-1]
    same = subprocess.run([sys.executable, "-c", "import storyline.summarize.model as m, storyline.tui.app; "
                           "print(m.Article.__module__)"], cwd=ROOT, capture_output=True, text=True)
    assert same.stdout.strip() == "storyline.summarize.model"
