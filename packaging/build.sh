#!/usr/bin/env bash
# Builds a one-folder Linux bundle in packaging/dist/standing with PyInstaller, from a
# private virtual environment, and prints its size. Needs Python 3.11+ and the network
# (or a wheel cache) for the first run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
venv="$here/.build-venv"
python3 -m venv "$venv"
"$venv/bin/pip" install -q --upgrade pip
"$venv/bin/pip" install -q "$root" "pyinstaller>=6.5,<7"
cd "$here"
rm -rf build dist translations-qm
mkdir translations-qm  # the .qm files are compiled here, never committed
for ts in "$root"/resources/translations/standing_*.ts; do
  "$venv/bin/pyside6-lrelease" -silent "$ts" -qm "translations-qm/$(basename "${ts%.ts}").qm"
done
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN standing.spec
cp linux/io.standing.Standing.desktop linux/io.standing.Standing.svg \
   linux/io.standing.Standing.metainfo.xml dist/standing/
for tool in desktop-file-validate appstreamcli; do
  command -v "$tool" >/dev/null || { echo "note: $tool not installed, skipped"; continue; }
  case "$tool" in
    desktop-file-validate) desktop-file-validate linux/io.standing.Standing.desktop ;;
    appstreamcli) appstreamcli validate --no-net linux/io.standing.Standing.metainfo.xml ;;
  esac
done
echo "bundle: $here/dist/standing ($(du -sh dist/standing | cut -f1))"
