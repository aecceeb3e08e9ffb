"""What every notebook's locked setup cell calls: seeds, quiet libraries, versions, hardware."""
from __future__ import annotations

import os
import random
import re
import warnings
from importlib import metadata

SEED = 42
# The grader may set another global seed (grading/tolerance.py proves that grades do not hang on one).
SEED_VARIABLE = "MLCOURSE_SEED"
KERAS_PACKAGES = ("tensorflow", "keras")

# Library noise that would land on stderr during a test cell (nbgrader gives a test cell with
# any stderr output 0 points). nbgrader_config.py's IgnorePattern is the second line of defence.
_QUIET_CATEGORIES = (FutureWarning, DeprecationWarning, PendingDeprecationWarning, RuntimeWarning)


def quiet_libraries() -> None:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # must precede `import tensorflow`
    os.environ.setdefault("PYTHONWARNINGS", "ignore")  # inherited by worker processes (joblib)
    for category in _QUIET_CATEGORIES:
        warnings.filterwarnings("ignore", category=category)
    for module in ("sklearn", "imblearn", "xgboost", "shap", "lime", "keras", "tensorflow", "matplotlib"):
        warnings.filterwarnings("ignore", module=module)


def course_seed() -> int:
    """The notebook's global seed: SEED, unless the grader sets MLCOURSE_SEED."""
    value = os.environ.get(SEED_VARIABLE, "").strip()
    return int(value) if value.lstrip("-").isdigit() else SEED


def set_seeds(seed: int = SEED, keras: bool = False) -> None:
    random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    import numpy as np

    np.random.seed(seed)
    if keras:
        import keras as keras_module

        keras_module.utils.set_random_seed(seed)  # Python, NumPy and the backend (TensorFlow) together


def keras_device_line() -> str:
    """What TensorFlow will compute on, in one line (the GPU a Colab session gives, or the CPU)."""
    import keras as keras_module
    import tensorflow as tf

    gpus = [gpu.name.removeprefix("/physical_device:") for gpu in tf.config.list_physical_devices("GPU")]
    device = f"GPU ({', '.join(gpus)})" if gpus else "CPU"
    return f"TensorFlow {tf.__version__}·Keras {keras_module.__version__} → {device}"


def pinned_versions() -> dict[str, str]:
    """package -> pinned version, from pyproject.toml's `course` extra (installed metadata)."""
    pins = {}
    try:
        requirements = metadata.requires("mlcourse") or []
    except metadata.PackageNotFoundError:
        return pins
    for requirement in requirements:
        match = re.match(r"^([A-Za-z0-9_.\-]+)==([^;\s]+)", requirement)
        if match:
            pins[match.group(1).lower()] = match.group(2)
    return pins


def version_warnings(packages) -> list[str]:
    pins = pinned_versions()
    notes = []
    for package in packages:
        wanted = pins.get(package.lower())
        try:
            found = metadata.version(package)
        except metadata.PackageNotFoundError:
            notes.append(f"⚠️ {package}이(가) 설치되어 있지 않습니다 (권장 {wanted}).")
            continue
        if wanted and found != wanted:
            notes.append(f"ℹ️ {package} {found} 사용 중 (코스 기준 {wanted}). 대부분 그대로 동작합니다.")
    return notes


def hardware_line() -> str:
    import shutil
    import subprocess

    gpu = "없음"
    if shutil.which("nvidia-smi"):
        try:
            out = subprocess.run(
                ["nvidia-smi", "--query-gpu=name", "--format=csv,noheader"],
                capture_output=True, text=True, timeout=5,
            ).stdout.strip()
            gpu = out.splitlines()[0] if out else gpu
        except (OSError, subprocess.SubprocessError):
            pass
    return f"CPU {os.cpu_count()}코어 | GPU: {gpu}"


# Hangul fonts, in order of preference: family names, and the file names they ship under (Debian's
# fonts-nanum and fonts-noto-cjk, Windows, macOS). Matplotlib's font cache lists only the fonts that
# existed when it was built, so font files are looked for directly and registered with addfont.
HANGUL_FAMILIES = ("NanumGothic", "NanumBarunGothic", "Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic",
                   "Apple SD Gothic Neo", "AppleGothic", "UnDotum", "Baekmuk Gulim")
_HANGUL_FILE = re.compile(r"^(NanumGothic|NanumBarunGothic|NotoSansCJK|NotoSansKR|malgun|AppleSDGothicNeo|AppleGothic"
                          r"|UnDotum|gulim)[^/\\]*\.(ttf|otf|ttc)$", re.IGNORECASE)
_HANGUL_SAMPLE = "한"
_GLYPH_WARNING = r"(?s)Glyph \d+ .*missing from"
hangul_font: str | None = None  # the family in use after setup_notebook(), None: no Hangul font


def font_dirs() -> list:
    """Where font files live on Linux (and Colab), macOS and Windows."""
    from pathlib import Path

    home = Path.home()
    dirs = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts", home / ".local/share/fonts",
            Path("/Library/Fonts"), Path("/System/Library/Fonts"), home / "Library/Fonts"]
    for variable, sub in (("WINDIR", "Fonts"), ("LOCALAPPDATA", "Microsoft/Windows/Fonts")):
        if os.environ.get(variable):
            dirs.append(Path(os.environ[variable]) / sub)
    return [d for d in dirs if d.is_dir()]


def _run(command: list[str], timeout: float) -> bool:
    import subprocess

    try:
        return subprocess.run(command, capture_output=True, timeout=timeout).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def hangul_font_files() -> list[str]:
    """Hangul font files found on disk: known file names in the font folders, then fontconfig's list."""
    import shutil
    import subprocess

    files = []
    for folder in font_dirs():
        for root, _, names in os.walk(folder):
            files += sorted(os.path.join(root, n) for n in names if _HANGUL_FILE.match(n))
    if shutil.which("fc-list"):
        try:
            listed = subprocess.run(["fc-list", ":lang=ko", "file"], capture_output=True, text=True, timeout=10).stdout
            files += sorted(line.strip().rstrip(":") for line in listed.splitlines() if line.strip())
        except (OSError, subprocess.SubprocessError):
            pass
    return list(dict.fromkeys(f for f in files if f.lower().endswith((".ttf", ".otf", ".ttc"))))


def _has_hangul(path: str) -> bool:
    from matplotlib.ft2font import FT2Font

    try:
        return FT2Font(path).get_char_index(ord(_HANGUL_SAMPLE)) != 0
    except (OSError, RuntimeError, ValueError):
        return False


def _usable_family(font_manager) -> str | None:
    """A Hangul family matplotlib knows and whose file really has Hangul glyphs."""
    known = {}
    for entry in font_manager.fontManager.ttflist:
        known.setdefault(entry.name, entry.fname)
    for family in HANGUL_FAMILIES:
        if family in known and _has_hangul(known[family]):
            return family
    return None


def _register(font_manager, files) -> str | None:
    """addfont every Hangul font file; the preferred family, or any family with Hangul glyphs."""
    fallback = None
    for path in files:
        if not _has_hangul(path):
            continue
        try:
            font_manager.fontManager.addfont(path)
        except (OSError, RuntimeError, ValueError):
            continue
        fallback = fallback or font_manager.FontProperties(fname=path).get_name()
    return _usable_family(font_manager) or fallback


def install_colab_font() -> bool:
    """Colab has no Hangul font: install Debian's fonts-nanum there (as root, about 10-20 s)."""
    import shutil
    import sys

    if "google.colab" not in sys.modules or not shutil.which("apt-get"):
        return False
    print("ℹ️ 그래프의 한글을 위해 나눔 글꼴(fonts-nanum)을 설치합니다 (Colab, 처음 한 번)...")
    install = ["apt-get", "install", "-y", "-qq", "fonts-nanum"]
    return _run(install, 300) or (_run(["apt-get", "update", "-qq"], 300) and _run(install, 300))


def use_hangul_font() -> str | None:
    """Korean plot text renders: a Hangul font from matplotlib's cache, else from the font folders or
    fontconfig (installed after the cache was built), else (Colab) installed now. Without one the
    default font stays and no glyph warning is ever shown; `plot_text` then picks English labels."""
    global hangul_font
    from matplotlib import font_manager, pyplot as plt

    warnings.filterwarnings("ignore", message=_GLYPH_WARNING, category=UserWarning)
    family = _usable_family(font_manager) or _register(font_manager, hangul_font_files())
    if family is None and install_colab_font():
        family = _register(font_manager, hangul_font_files())
    if family is not None:
        # glyphs the Hangul font lacks (symbols) come from matplotlib's own DejaVu Sans
        plt.rcParams["font.family"] = [family, "DejaVu Sans"]
    plt.rcParams["axes.unicode_minus"] = False
    hangul_font = family
    return family


def plot_text(korean: str, english: str) -> str:
    """A plot label in Korean where a Hangul font is in use, else in English (never empty boxes)."""
    return korean if hangul_font else english


def _installed(package: str) -> bool:
    try:
        metadata.version(package)
    except metadata.PackageNotFoundError:
        return False
    return True


def install_colab_packages(packages) -> list[str]:
    """Colab only: pip-install those of `packages` that the runtime lacks (e.g. lime), at the course's
    pinned versions; what Colab already has is left alone. Returns the packages installed. Never
    raises: without a network the version check below names what is missing."""
    import importlib
    import sys

    if "google.colab" not in sys.modules:
        return []
    missing = [package for package in packages if not _installed(package)]
    if not missing:
        return []
    pins = pinned_versions()
    wanted = [f"{p}=={pins[p.lower()]}" if p.lower() in pins else p for p in missing]
    print(f"ℹ️ Colab에 없는 패키지를 설치합니다: {', '.join(wanted)} (처음 한 번)...")
    if not _run([sys.executable, "-m", "pip", "install", "-q", *wanted], 600):
        print(f"⚠️ 설치하지 못했습니다: {', '.join(wanted)}. 네트워크를 확인하고 이 셀을 다시 실행하세요.")
        return []
    importlib.invalidate_caches()  # the new packages become importable in this running kernel
    return missing


def setup_notebook(packages=("numpy", "pandas", "scikit-learn", "matplotlib"), seed: int | None = None) -> int:
    """Quiet, seeded, checked. Returns the seed so the notebook states it once: SEED = setup_notebook().
    With tensorflow or keras among `packages`, Keras's seeds are set too and the device is named.
    In Colab, the `packages` it lacks are installed first (import them after this call)."""
    seed = course_seed() if seed is None else seed
    install_colab_packages(packages)
    uses_keras = any(package in KERAS_PACKAGES for package in packages)
    quiet_libraries()
    set_seeds(seed, keras=uses_keras)
    use_hangul_font()
    for note in version_warnings(packages):
        print(note)
    device = f" | {keras_device_line()}" if uses_keras else ""
    print(f"✅ 환경 준비 완료 | {hardware_line()}{device} | SEED={seed}")
    return seed
