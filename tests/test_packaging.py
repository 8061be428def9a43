"""Desktop integration files: present and consistent with what the app sets."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

LINUX = Path(__file__).resolve().parent.parent / "packaging" / "linux"
APP_ID = "io.standing.Standing"


def test_desktop_entry_names_what_the_app_sets() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"] == "standing" and section["Icon"] == APP_ID
    assert section["Categories"].endswith(";") and "Office" in section["Categories"]
    assert section["StartupWMClass"] == "Standing"
    assert (LINUX / f"{APP_ID}.svg").read_text("utf-8").startswith("<svg")


def test_metainfo_points_at_the_desktop_entry() -> None:
    root = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"  # type: ignore[union-attr]


def _validator(name: str) -> str:
    """The freedesktop validator; `.ci/run` installs it, so CI never runs without it."""
    found = shutil.which(name)
    if found is None and not os.environ.get("CI"):
        pytest.skip(f"{name} is not installed here (CI installs it)")
    assert found is not None, f"{name} is missing: .ci/run should have installed it"
    return found


def test_desktop_entry_passes_desktop_file_validate() -> None:
    tool = _validator("desktop-file-validate")
    run = subprocess.run(
        [tool, str(LINUX / f"{APP_ID}.desktop")], capture_output=True, text=True, check=False
    )
    assert (run.returncode, run.stdout + run.stderr) == (0, "")


def test_metainfo_passes_appstreamcli_validate() -> None:
    tool = _validator("appstreamcli")
    run = subprocess.run(
        [tool, "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
