"""conda (environment.yml) and pip (pyproject.toml) install the same pins."""
import re
from importlib import metadata

from grading.course import REPO
from scripts import write_environment


def test_environment_yml_is_generated_from_pyproject_pins():
    committed = (REPO / "environment.yml").read_text(encoding="utf-8")
    assert committed == write_environment.render(), "environment.yml is stale: run `make environment`"
    listed = re.findall(r"^\s+- ([A-Za-z0-9_.\-]+==\S+)", committed, flags=re.M)
    assert sorted(listed) == sorted(write_environment.pins())


def test_every_dependency_is_pinned_exactly():
    for requirement in write_environment.pins():
        assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][0-9A-Za-z.\-]*", requirement), requirement


def test_the_virtual_environment_runs_the_pinned_versions():
    from mlcourse.notebook import pinned_versions

    pins = pinned_versions()
    assert pins, "mlcourse is not installed with its course pins"
    for package, version in pins.items():
        assert metadata.version(package) == version, package
