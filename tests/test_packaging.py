"""Desktop integration files: present, consistent with the app, and (where the tool is
installed) valid."""

from __future__ import annotations

import configparser
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


@pytest.mark.parametrize(
    ("tool", "args", "name"),
    [
        ("appstreamcli", ["validate", "--no-net"], f"{APP_ID}.metainfo.xml"),
        ("desktop-file-validate", [], f"{APP_ID}.desktop"),
    ],
)
def test_validators_accept_them_where_installed(tool: str, args: list[str], name: str) -> None:
    found = shutil.which(tool)
    if found is None:
        return  # checked on machines that have the tool (packaging/build.sh requires them)
    done = subprocess.run([found, *args, str(LINUX / name)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
