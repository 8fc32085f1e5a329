from recon.demo import DemoPaths, generate_demo


def _files(paths: DemoPaths) -> dict[str, bytes]:
    files = {path.name: path.read_bytes() for path in sorted(paths.petmanager.iterdir())}
    files["xero_state.json"] = paths.xero_state.read_bytes()
    files["truth.json"] = paths.truth.read_bytes()
    return files


def test_same_seed_gives_identical_bytes(tmp_path):
    first = generate_demo(tmp_path / "a", seed=11, size=0.3)
    second = generate_demo(tmp_path / "b", seed=11, size=0.3)
    assert _files(first) == _files(second)


def test_different_seeds_differ(tmp_path):
    one = _files(generate_demo(tmp_path / "a", seed=11, size=0.3))
    other = _files(generate_demo(tmp_path / "b", seed=12, size=0.3))
    for name in ("customers.csv", "invoices.csv", "payments.csv", "xero_state.json", "truth.json"):
        assert one[name] != other[name], name


def test_paths_point_into_the_output_folder(tmp_path):
    paths = generate_demo(tmp_path / "out", size=0.1)
    assert paths == DemoPaths(tmp_path / "out" / "petmanager", tmp_path / "out" / "xero_state.json",
                              tmp_path / "out" / "truth.json")
    assert (paths.petmanager / "business.json").is_file()


def test_size_scales_the_business(tmp_path):
    small = generate_demo(tmp_path / "small", size=0.2)
    larger = generate_demo(tmp_path / "larger", size=0.6)
    count = lambda paths: len((paths.petmanager / "invoices.csv").read_text(encoding="utf-8").splitlines())
    assert 2 * count(small) < count(larger) < 5 * count(small)
