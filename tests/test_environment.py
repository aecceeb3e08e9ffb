"""conda (environment.yml) and pip (pyproject.toml) install the same pins."""
import importlib.util
import re
from importlib import metadata

from grading.course import REPO


def load_writer():
    spec = importlib.util.spec_from_file_location("write_environment", REPO / "scripts" / "write_environment.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_environment_yml_is_generated_from_pyproject_pins():
    writer = load_writer()
    committed = (REPO / "environment.yml").read_text(encoding="utf-8")
    assert committed == writer.render(), "environment.yml is stale: run `make environment`"
    listed = re.findall(r"^\s+- ([A-Za-z0-9_.\-]+==\S+)", committed, flags=re.M)
    assert sorted(listed) == sorted(writer.pins())


def test_every_dependency_is_pinned_exactly():
    for requirement in load_writer().pins():
        assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][0-9A-Za-z.\-]*", requirement), requirement


def test_the_virtual_environment_runs_the_pinned_versions():
    from mlcourse.notebook import pinned_versions

    pins = pinned_versions()
    assert pins, "mlcourse is not installed with its course pins"
    for package, version in pins.items():
        assert metadata.version(package) == version, package
