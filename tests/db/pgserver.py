"""A throwaway PostgreSQL server for the tests: Debian's binaries, a fresh cluster in a temp dir, a free port.

PostgreSQL refuses to run as root, so when the tests run as root (CI, containers) the cluster belongs to
the unprivileged `nobody` user and initdb/pg_ctl run through `runuser`; as a normal user they run directly.
Trust authentication on 127.0.0.1 only; the directory is removed on stop.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def pg_bin() -> Path | None:
    """The newest installed PostgreSQL server binaries (Debian: /usr/lib/postgresql/<major>/bin)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    env = os.environ.get("PG_BIN")
    if env and (Path(env) / "pg_ctl").exists():
        return Path(env)
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    def __init__(self) -> None:
        b = pg_bin()
        if b is None:
            raise RuntimeError("PostgreSQL server binaries not found (Debian package `postgresql`; make debs)")
        self.bin = b
        self.port = _free_port()
        self.root = Path(tempfile.mkdtemp(prefix="ws-pg-"))
        self.data = self.root / "data"
        self.as_root = os.geteuid() == 0
        self.started = False

    def _run(self, *cmd: str) -> subprocess.CompletedProcess[str]:
        full = ["runuser", "-u", "nobody", "--", *cmd] if self.as_root else list(cmd)
        return subprocess.run(full, check=True, capture_output=True, text=True, cwd=self.root, timeout=120)

    def start(self) -> PgServer:
        if self.as_root:
            os.chmod(self.root, 0o700)
            shutil.chown(self.root, "nobody", "nogroup")
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
        opts = (f"-p {self.port} -h 127.0.0.1 -k {self.root} -c fsync=off -c max_connections=200 "
                "-c shared_buffers=32MB")
        self.opts = opts
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", opts, "-l", str(self.root / "log"),
                  "-w", "-t", "60", "start")
        self.started = True
        self._run(str(self.bin / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                  "-c", "CREATE DATABASE workshop", "postgres")
        return self

    def url(self, db: str = "workshop") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{db}"

    def create_database(self, name: str) -> str:
        self._run(str(self.bin / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                  "-c", f"CREATE DATABASE {name}", "postgres")
        return self.url(name)

    def pause(self) -> None:
        """Stop the server (fast shutdown) but keep its data: an outage, ended by `resume()`."""
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def resume(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", self.opts, "-l", str(self.root / "log"),
                  "-w", "-t", "60", "start")

    def restart(self) -> None:
        """`pg_ctl restart`: what an operator (or a managed database's maintenance) does."""
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-l", str(self.root / "log"),
                  "-w", "-t", "60", "restart")

    def stop(self) -> None:
        try:
            if self.started:
                self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
                self.started = False
        finally:
            for _ in range(3):
                try:
                    shutil.rmtree(self.root)
                    break
                except OSError:
                    time.sleep(0.2)
