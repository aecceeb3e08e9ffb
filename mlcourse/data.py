"""Loading the course's data files: from data/ in a clone, downloaded and cached in Colab.

Every file is checked against the sha256 in data_manifest.json (written by
scripts/make_data.py), so a truncated download or an edited CSV gives a clear Korean error
instead of silently different numbers.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import urllib.error
import urllib.request
from pathlib import Path

from . import config

_MANIFEST_PATH = Path(__file__).with_name("data_manifest.json")


class DataFileError(RuntimeError):
    """A course data file is missing, corrupt or unknown (message in Korean)."""


def manifest() -> dict:
    """name -> {"sha256", "rows", "columns", "source", "licence"} for every shipped file."""
    return json.loads(_MANIFEST_PATH.read_text(encoding="utf-8"))


def sha256_of(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _in_colab() -> bool:
    return "google.colab" in sys.modules


def _find_clone_data_dir() -> Path | None:
    """data/ of the course clone: MLCOURSE_DATA_DIR, else the nearest parent holding data/."""
    if os.environ.get("MLCOURSE_DATA_DIR"):
        return Path(os.environ["MLCOURSE_DATA_DIR"])
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        candidate = folder / "data"
        if (candidate / "README.md").is_file() and (folder / "source").is_dir():
            return candidate
    package_clone = Path(__file__).resolve().parents[1] / "data"  # editable install
    return package_clone if package_clone.is_dir() else None


def cache_dir() -> Path:
    return Path(os.environ.get("MLCOURSE_CACHE_DIR", Path.home() / ".cache" / "mlcourse"))


def _download(name: str, target: Path) -> None:
    url = f"{config.base_url()}/data/{name}"
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(target.suffix + ".part")
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            partial.write_bytes(response.read())
    except (urllib.error.URLError, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise DataFileError(
            f"데이터 파일 '{name}'을(를) 내려받지 못했습니다 ({url}: {exc}).\n"
            "해결: 인터넷 연결을 확인한 뒤 셀을 다시 실행하거나, 저장소를 클론해 "
            "data/ 폴더가 있는 곳에서 노트북을 여세요."
        ) from None
    partial.replace(target)


def data_path(name: str) -> Path:
    """Path of a verified copy of data/<name>, downloading it in Colab if needed."""
    files = manifest()
    if name not in files:
        raise DataFileError(
            f"'{name}'은(는) 코스 데이터 파일이 아닙니다. 사용할 수 있는 파일: {', '.join(sorted(files))}"
        )
    expected = files[name]["sha256"]

    clone_dir = _find_clone_data_dir()
    if clone_dir is not None and (clone_dir / name).is_file():
        path = clone_dir / name
        if sha256_of(path) != expected:
            raise DataFileError(
                f"데이터 파일 '{path}'의 내용이 원본과 다릅니다 (sha256 불일치).\n"
                f"해결: 저장소 루트에서 `git checkout -- data/{name}` 로 원본을 되돌리세요."
            )
        return path

    cached = cache_dir() / name
    if cached.is_file() and sha256_of(cached) == expected:
        return cached
    if not _in_colab() and not os.environ.get("MLCOURSE_BASE_URL"):
        raise DataFileError(
            f"데이터 파일 '{name}'을(를) 찾을 수 없습니다.\n"
            "해결: 저장소를 클론한 폴더 안에서 노트북을 여세요 (data/ 폴더가 필요합니다). "
            "Colab에서는 노트북 맨 위의 설정 셀을 먼저 실행하세요."
        )
    _download(name, cached)
    if sha256_of(cached) != expected:
        cached.unlink()
        raise DataFileError(
            f"내려받은 데이터 파일 '{name}'이(가) 손상되었습니다 (sha256 불일치).\n"
            "해결: 잠시 뒤 설정 셀을 다시 실행하세요. 계속되면 강사에게 알려 주세요."
        )
    return cached


def load_csv(name: str, **read_csv_kwargs):
    """pandas.read_csv of a verified course data file, e.g. load_csv("penguins.csv")."""
    import pandas as pd

    return pd.read_csv(data_path(name), **read_csv_kwargs)
