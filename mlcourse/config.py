"""The one place that says where the course lives online.

Forks change COURSE_REPO here; tests/test_notebooks.py checks that every notebook's Colab
badge and setup cell use the same value.
"""
import os

COURSE_REPO = "ml-course-kr/ml-course"
COURSE_BRANCH = "main"

# Raw files (data/*.csv) are downloaded from here in Colab. MLCOURSE_BASE_URL overrides it
# (the tests point it at a server they start on 127.0.0.1).
DEFAULT_BASE_URL = f"https://raw.githubusercontent.com/{COURSE_REPO}/{COURSE_BRANCH}"


def base_url() -> str:
    return os.environ.get("MLCOURSE_BASE_URL", DEFAULT_BASE_URL).rstrip("/")
