"""What every notebook's locked setup cell calls: seeds, quiet libraries, versions, hardware."""
from __future__ import annotations

import os
import random
import re
import warnings
from importlib import metadata

SEED = 42

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


def set_seeds(seed: int = SEED) -> None:
    random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    import numpy as np

    np.random.seed(seed)


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


def use_hangul_font() -> None:
    """Korean plot titles render when a Hangul font is installed; otherwise keep the default."""
    from matplotlib import font_manager, pyplot as plt

    for family in ("NanumGothic", "Noto Sans CJK KR", "Malgun Gothic", "AppleGothic"):
        if any(f.name == family for f in font_manager.fontManager.ttflist):
            plt.rcParams["font.family"] = family
            break
    plt.rcParams["axes.unicode_minus"] = False


def setup_notebook(packages=("numpy", "pandas", "scikit-learn", "matplotlib"), seed: int = SEED) -> int:
    """Quiet, seeded, checked. Returns the seed so the notebook states it once: SEED = setup_notebook()."""
    quiet_libraries()
    set_seeds(seed)
    use_hangul_font()
    for note in version_warnings(packages):
        print(note)
    print(f"✅ 환경 준비 완료 | {hardware_line()} | SEED={seed}")
    return seed
