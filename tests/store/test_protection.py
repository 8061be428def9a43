"""Backups, restores after a failed integrity check, and refusing a network filesystem."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.demo import write_demo_export
from app.services.importing import import_folder
from app.services.station import check_cache, open_station, restore_cache
from app.settings import Settings
from app.store.database import StoreError, open_database
from app.store.protection import network_filesystem, quick_check
from tests.conftest import AS_OF

MOUNTS = """\
/dev/sda1 / ext4 rw 0 0
server:/export /mnt/share nfs4 rw 0 0
//nas/counter /mnt/smb cifs rw 0 0
/dev/sdb1 /mnt/share/local ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/home/clerk/standing.sqlite3", None),
        ("/mnt/share/standing.sqlite3", "nfs4"),
        ("/mnt/smb/x/standing.sqlite3", "cifs"),
        ("/mnt/share/local/standing.sqlite3", None),  # a local disk mounted inside the share
        ("/mnt/shared/standing.sqlite3", None),  # a name that only starts the same
    ],
)
def test_network_filesystems_are_recognised(path: str, kind: str | None) -> None:
    assert network_filesystem(Path(path), MOUNTS) == kind


def test_a_database_on_a_network_share_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mounts = f"/dev/sda1 / ext4 rw 0 0\nserver:/x {tmp_path} nfs rw 0 0\n"
    real = network_filesystem
    monkeypatch.setattr("app.store.database.network_filesystem", lambda p: real(p, mounts))
    with pytest.raises(StoreError, match=r"network filesystem \(nfs\).*local disk"):
        open_database(tmp_path / "standing.sqlite3")
    assert not (tmp_path / "standing.sqlite3").exists()


def damaged_with_backup(tmp_path: Path) -> Settings:
    settings = Settings(db_path=tmp_path / "s.sqlite3")
    station = open_station(settings)
    folder = tmp_path / "x"
    write_demo_export(folder, customers=30, seed=2, as_of=AS_OF)
    import_folder(station, folder)
    import_folder(station, folder)  # the second import backs up the first
    station.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    station.close()
    data = bytearray(settings.db_path.read_bytes())
    for offset in range(4096, len(data), 4096):  # scribble over every page but the header
        data[offset + 8 : offset + 64] = b"\xff" * 56
    settings.db_path.write_bytes(bytes(data))
    return settings


def test_a_damaged_cache_is_found_and_the_newest_good_backup_offered(tmp_path: Path) -> None:
    settings = damaged_with_backup(tmp_path)
    check = check_cache(settings)
    assert check.problem is not None
    assert check.backup is not None and check.backup.parent == tmp_path / "backups"
    aside = restore_cache(settings, check.backup).aside
    assert aside.exists() and aside.name.startswith("s.sqlite3.damaged-")
    assert quick_check(settings.db_path) is None
    station = open_station(settings)
    try:
        assert station.lookup.search("07700 900123").matches[0].customer_id == "C000001"
    finally:
        station.close()


def test_a_sound_cache_passes(tmp_path: Path) -> None:
    settings = Settings(db_path=tmp_path / "ok.sqlite3")
    open_station(settings).close()
    assert check_cache(settings).problem is None
    assert check_cache(Settings(db_path=tmp_path / "none.sqlite3")).problem is None


def break_purchase_index(path: Path) -> None:
    """Damage that quick_check misses: the purchase-id index loses most of its entries."""
    import sqlite3

    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("DROP INDEX purchases_id")
        conn.execute("CREATE UNIQUE INDEX purchases_id ON purchases (purchase_id) WHERE amount < 0")
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = 'CREATE UNIQUE INDEX purchases_id ON purchases "
            "(purchase_id)' WHERE name = 'purchases_id'"
        )
        conn.execute("PRAGMA writable_schema = OFF")
    finally:
        conn.close()


def test_a_broken_index_is_reported_as_damage_not_blamed_on_the_data(tmp_path: Path) -> None:
    from app.store.export_files import ExportError

    export = tmp_path / "export"
    write_demo_export(export, customers=30, seed=2, as_of=AS_OF)
    path = tmp_path / "standing.sqlite3"
    station = open_station(Settings(db_path=path))
    import_folder(station, export)
    station.close()
    break_purchase_index(path)
    assert quick_check(path) is None  # the quick check sees nothing wrong
    station = open_station(Settings(db_path=path))
    try:
        with pytest.raises(ExportError, match=r"the cache is damaged \(.*missing from index"):
            import_folder(station, export)
    finally:
        station.close()
