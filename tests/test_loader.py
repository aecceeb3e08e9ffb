"""mlcourse.load_csv: the clone's data/, else a verified download (Colab), else a clear Korean error.

Downloads go only to an HTTP server this test starts on 127.0.0.1.
"""
import functools
import http.server
import shutil
import threading

import pytest

from grading.course import REPO
from mlcourse import DataFileError, load_csv
from mlcourse import data as data_module


@pytest.fixture
def outside_clone(tmp_path, monkeypatch):
    """A working directory outside any clone, with an empty cache."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MLCOURSE_DATA_DIR", raising=False)
    monkeypatch.setenv("MLCOURSE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(data_module, "_find_clone_data_dir", lambda: None)
    return tmp_path


@pytest.fixture
def course_server(tmp_path):
    """Serves a copy of the repository's data/ at http://127.0.0.1:<port>/data/."""
    served = tmp_path / "served"
    shutil.copytree(REPO / "data", served / "data")
    handler = functools.partial(QuietHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield served, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_loads_from_the_clone_and_verifies_the_checksum():
    assert load_csv("penguins.csv").shape == (344, 8)


def test_unknown_file_names_the_available_ones():
    with pytest.raises(DataFileError, match="penguins.csv"):
        load_csv("penguin.csv")


def test_edited_file_in_the_clone_gives_the_git_fix(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    (data / "cars.csv").write_text("Name\nedited\n", encoding="utf-8")
    monkeypatch.setenv("MLCOURSE_DATA_DIR", str(data))
    with pytest.raises(DataFileError, match=r"git checkout -- data/cars.csv"):
        load_csv("cars.csv")


def test_offline_outside_a_clone_names_the_file_and_the_fix(outside_clone):
    with pytest.raises(DataFileError, match=r"'penguins.csv'.*\n해결: 저장소를 클론한 폴더"):
        load_csv("penguins.csv")


def test_download_is_verified_and_cached(outside_clone, course_server, monkeypatch):
    served, url = course_server
    monkeypatch.setenv("MLCOURSE_BASE_URL", url)
    assert load_csv("penguins.csv").shape == (344, 8)
    assert (outside_clone / "cache" / "penguins.csv").is_file()
    (served / "data" / "penguins.csv").unlink()          # the cache answers from now on
    assert load_csv("penguins.csv").shape == (344, 8)


def test_corrupt_download_is_rejected_and_not_cached(outside_clone, course_server, monkeypatch):
    served, url = course_server
    monkeypatch.setenv("MLCOURSE_BASE_URL", url)
    (served / "data" / "cars.csv").write_text("truncated", encoding="utf-8")
    with pytest.raises(DataFileError, match="손상"):
        load_csv("cars.csv")
    assert not (outside_clone / "cache" / "cars.csv").exists()


def test_server_unreachable_gives_a_korean_error(outside_clone, course_server, monkeypatch):
    _, url = course_server
    monkeypatch.setenv("MLCOURSE_BASE_URL", url + "/nowhere")
    with pytest.raises(DataFileError, match="내려받지 못했습니다"):
        load_csv("seattle_weather.csv")
