import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from grading import adversarial, quality, sandbox


class QualityRuns(dict):
    """assignment -> QualityRun, graded by real nbgrader the first time a test asks for it (so that
    `pytest -k 05_lime_shap` grades only that notebook)."""

    def __missing__(self, assignment):
        self[assignment] = quality.run(assignment)
        return self[assignment]


@pytest.fixture(scope="session")
def quality_runs():
    """every grading case of every notebook, each graded once per session."""
    return QualityRuns()


@pytest.fixture(scope="session")
def suite(tmp_path_factory):
    """The adversarial suite graded by the local sandboxed command (SQLite gradebook), once per
    session: tests/test_autograde.py checks it, tests/test_cluster.py grades its class again on Dask."""
    assert sandbox.available() is None, sandbox.available()
    result = adversarial.run_suite(tmp_path_factory.mktemp("adversarial"))
    print("\n" + adversarial.report(result))
    return result


def _postgres_bin(name: str) -> str | None:
    """On PATH, else Debian's newest server version (/usr/lib/postgresql/VERSION/bin)."""
    versions = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: float(Path(p).parts[4]))
    return shutil.which(name) or (versions[-1] if versions else None)


@pytest.fixture(scope="session")
def postgres():
    """A real PostgreSQL server of the test's own: initdb + pg_ctl in a temporary folder, listening
    only on a Unix socket there, stopped afterwards. Yields new_database(name) -> SQLAlchemy URL."""
    initdb, pg_ctl = _postgres_bin("initdb"), _postgres_bin("pg_ctl")
    try:  # the server refuses to run as root: as Debian's postgres user when we are root
        owner = pwd.getpwnam("postgres") if os.geteuid() == 0 else None
    except KeyError:
        initdb = None
    if not (initdb and pg_ctl):
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed (make installs Debian's postgresql and its postgres user)")
        pytest.skip("PostgreSQL is not installed here")
    folder = Path(tempfile.mkdtemp(prefix="pg-"))
    as_owner = ["runuser", "-u", "postgres", "--"] if owner else []
    if owner:
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    data = folder / "data"
    options = f"-k {folder} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c max_connections=100"
    try:
        subprocess.run([*as_owner, initdb, "-D", str(data), "-U", "grader", "--auth=trust", "-E", "UTF8", "--no-sync"],
                       check=True, capture_output=True)
        subprocess.run([*as_owner, pg_ctl, "-D", str(data), "-o", options, "-l", str(folder / "server.log"), "-w",
                        "start"], check=True, capture_output=True)
    except subprocess.CalledProcessError as exc:
        log = (folder / "server.log").read_text() if (folder / "server.log").exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL did not start: {exc.stderr!r} {log[-1000:]}") from None
    import psycopg

    def new_database(name: str) -> str:
        with psycopg.connect(host=str(folder), user="grader", dbname="postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://grader@/{name}?host={folder}"

    try:
        yield new_database
    finally:
        subprocess.run([*as_owner, pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
