"""mlcourse.notebook's Hangul font: found even when matplotlib's font cache predates it, installed in
Colab, and never a `Glyph ... missing` warning on stderr (it would zero a test cell in grading)."""
import copy
import shutil
import sys
import types
import warnings
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from mlcourse import notebook  # noqa: E402

NANUM = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
needs_nanum = pytest.mark.skipif(not NANUM.is_file(), reason="Debian's fonts-nanum is not installed (make venv installs it as root)")


@pytest.fixture
def stale_cache(monkeypatch):
    """matplotlib's font manager as if its cache was built before any Hangul font was installed."""
    manager = copy.copy(font_manager.fontManager)
    manager.ttflist = [f for f in font_manager.fontManager.ttflist if not notebook._has_hangul(f.fname)]
    monkeypatch.setattr(font_manager, "fontManager", manager)
    monkeypatch.setattr(notebook, "hangul_font", None)
    with plt.rc_context():
        yield manager


def draw_korean(caught, capfd) -> str:
    """Draw Korean text with the warning filters as use_hangul_font left them; return the title's
    font file, and assert that no warning was shown and nothing reached stderr."""
    fig, ax = plt.subplots()
    ax.set_title("한글 제목")
    fig.canvas.draw()
    path = font_manager.findfont(ax.title.get_fontproperties())
    plt.close(fig)
    assert [str(w.message) for w in caught] == [] and capfd.readouterr().err == ""
    return path


@needs_nanum
def test_a_font_installed_after_the_cache_was_built_is_found_and_used(stale_cache, capfd):
    assert notebook._usable_family(font_manager) is None  # the cache alone knows no Hangul font
    with warnings.catch_warnings(record=True) as caught:
        assert notebook.use_hangul_font() == "NanumGothic"
        assert plt.rcParams["font.family"][0] == "NanumGothic"
        assert notebook._has_hangul(draw_korean(caught, capfd))
    assert notebook.plot_text("한글", "english") == "한글"


def test_without_any_hangul_font_the_default_stays_and_no_glyph_warning_is_shown(stale_cache, monkeypatch, capfd):
    monkeypatch.setattr(notebook, "hangul_font_files", lambda: [])
    default = list(plt.rcParams["font.family"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")  # what matplotlib would show without use_hangul_font's filter
        assert notebook.use_hangul_font() is None
        assert plt.rcParams["font.family"] == default
        draw_korean(caught, capfd)  # boxes, but silently: no `Glyph ... missing` warning
    assert notebook.plot_text("한글", "english") == "english"


@needs_nanum
def test_in_colab_fonts_nanum_is_installed_with_apt(stale_cache, monkeypatch, tmp_path, capfd):
    commands = []

    def fake_apt(command, timeout):
        commands.append(command)
        shutil.copy(NANUM, tmp_path / NANUM.name)  # what `apt-get install fonts-nanum` puts on disk
        return True

    monkeypatch.setattr(notebook, "font_dirs", lambda: [tmp_path])
    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/" + name if name == "apt-get" else None)
    monkeypatch.setattr(notebook, "_run", fake_apt)
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    with warnings.catch_warnings():
        assert notebook.use_hangul_font() == "NanumGothic"
    assert commands == [["apt-get", "install", "-y", "-qq", "fonts-nanum"]]
    assert "나눔 글꼴" in capfd.readouterr().out


def test_outside_colab_nothing_is_installed(stale_cache, monkeypatch):
    monkeypatch.setattr(notebook, "hangul_font_files", lambda: [])
    monkeypatch.setattr(notebook, "_run", lambda *a, **k: pytest.fail("apt-get must not run outside Colab"))
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    with warnings.catch_warnings():
        assert notebook.use_hangul_font() is None


# --- seeds and TensorFlow: what grading/tolerance.py varies ---

def test_the_grader_can_set_another_global_seed(monkeypatch):
    monkeypatch.delenv(notebook.SEED_VARIABLE, raising=False)
    assert notebook.course_seed() == notebook.SEED
    monkeypatch.setenv(notebook.SEED_VARIABLE, "7")
    assert notebook.course_seed() == 7
    monkeypatch.setenv(notebook.SEED_VARIABLE, "not a number")
    assert notebook.course_seed() == notebook.SEED


def test_a_keras_notebook_gets_keras_seeds_and_names_its_device_in_the_setup_line(monkeypatch, capsys):
    monkeypatch.setenv(notebook.SEED_VARIABLE, "3")
    monkeypatch.setattr(notebook, "use_hangul_font", lambda: None)
    assert notebook.setup_notebook(packages=("numpy", "keras")) == 3
    import keras

    first = keras.random.uniform((3,)).numpy()
    notebook.setup_notebook(packages=("numpy", "keras"))
    lines = capsys.readouterr().out.strip().splitlines()
    assert (keras.random.uniform((3,)).numpy() == first).all()
    assert len(lines) == 2 and all("TensorFlow" in line and "SEED=3" in line for line in lines)
    assert lines[0].rstrip().split(" | ")[-2].endswith(("→ CPU", ")"))


def test_the_sandbox_passes_tensorflow_numerics_switches_and_the_seed_to_kernels(monkeypatch, tmp_path):
    from grading import sandbox

    for name, value in {"TF_NUM_INTRAOP_THREADS": "2", "TF_ENABLE_ONEDNN_OPTS": "0", "MLCOURSE_SEED": "7",
                        "SECRET_TOKEN": "x"}.items():
        monkeypatch.setenv(name, value)
    argv = sandbox.kernel_command(["python"], uid=61000, exposed=[tmp_path], env={}, limits=sandbox.Limits())
    passed = {argv[i + 1] for i, arg in enumerate(argv) if arg == "--env"}
    assert {"TF_NUM_INTRAOP_THREADS=2", "TF_ENABLE_ONEDNN_OPTS=0", "MLCOURSE_SEED=7"} <= passed
    assert not any(item.startswith("SECRET_TOKEN") for item in passed)


def test_in_colab_only_the_missing_packages_are_pip_installed_at_their_pins(monkeypatch, capfd):
    commands = []
    present = notebook._installed
    monkeypatch.setattr(notebook, "_installed", lambda p: p != "lime" and present(p))
    monkeypatch.setattr(notebook, "pinned_versions", lambda: {"lime": "0.2.0.1", "numpy": "2.4.6"})
    monkeypatch.setattr(notebook, "_run", lambda command, timeout: commands.append(command) or True)
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    assert notebook.install_colab_packages(("numpy", "lime")) == ["lime"]
    assert commands == [[sys.executable, "-m", "pip", "install", "-q", "lime==0.2.0.1"]]
    assert "lime==0.2.0.1" in capfd.readouterr().out
    commands.clear()
    monkeypatch.setattr(notebook, "_run", lambda command, timeout: commands.append(command) and False)
    assert notebook.install_colab_packages(("lime",)) == []   # offline: a message, no exception
    assert "설치하지 못했습니다" in capfd.readouterr().out


def test_outside_colab_no_package_is_installed(monkeypatch):
    monkeypatch.setattr(notebook, "_installed", lambda p: False)
    monkeypatch.setattr(notebook, "_run", lambda *a, **k: pytest.fail("pip must not run outside Colab"))
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    assert notebook.install_colab_packages(("lime",)) == []
