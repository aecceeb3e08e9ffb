"""Student-safe course helpers: data loading (mlcourse.data), friendly checks (mlcourse.check)
and the notebook setup (mlcourse.notebook). No solutions and no hidden tests live here."""
from .data import DataFileError, load_csv
from .notebook import SEED, setup_notebook

__all__ = ["DataFileError", "SEED", "load_csv", "setup_notebook"]
