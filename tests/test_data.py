"""data/ ships exactly what scripts/make_data.py renders, with the checksums the loader verifies."""

from grading.course import REPO
from mlcourse.data import manifest, sha256_of
from scripts import make_data


def test_every_data_file_matches_its_manifest_checksum():
    files = manifest()
    assert files, "the manifest lists no data file"
    for name, info in files.items():
        assert sha256_of(REPO / "data" / name) == info["sha256"], name


def test_data_readme_lists_source_licence_rows_and_checksum_of_each_file():
    readme = (REPO / "data" / "README.md").read_text(encoding="utf-8")
    for name, info in manifest().items():
        row = next(line for line in readme.splitlines() if f"`{name}`" in line)
        assert info["sha256"] in row and info["licence"] in row and f"| {info['rows']} |" in row


def test_data_files_are_regenerated_identically_from_the_pinned_packages():
    files, rendered_manifest = make_data.render()
    assert rendered_manifest == manifest()
    for name, content in files.items():
        assert (REPO / "data" / name).read_bytes() == content, f"{name} differs: run `make data`"
    assert (REPO / "data" / "README.md").read_text(encoding="utf-8") == make_data.readme(rendered_manifest)


def test_data_sets_have_the_real_missing_values_the_notebook_teaches_with():
    from mlcourse import load_csv

    assert load_csv("penguins.csv").isna().sum().to_dict()["sex"] == 11
    cars = load_csv("cars.csv")
    assert cars["Horsepower"].isna().sum() == 6 and cars["Miles_per_Gallon"].isna().sum() == 8
