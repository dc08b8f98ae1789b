"""qa/reading/data/MANIFEST.json names every shipped data file with the command that made it, and
its sha256 matches the file: a refit that forgets to record itself fails here."""
import json

from qa.training.manifest import DATA, MANIFEST, record, stale


def test_every_shipped_file_is_listed_with_its_command_and_unchanged():
    assert stale() == []
    for name, entry in json.loads(MANIFEST.read_text("utf-8"))["files"].items():
        assert entry["made_by"].startswith("python -m qa.training."), name
        assert entry["read_by"].startswith("qa/reading/"), name


def test_a_changed_or_unlisted_file_is_reported(tmp_path, monkeypatch):
    import qa.training.manifest as m

    data = tmp_path / "data"
    (data / "crossreader").mkdir(parents=True)
    (data / "reader.json").write_text("{}")
    (data / "crossreader" / "extra.bin").write_bytes(b"x")
    manifest = data / "MANIFEST.json"
    manifest.write_text(json.dumps({"files": {"reader.json": {"made_by": "python -m qa.training.calibrate", "sha256": "0"}}}))
    monkeypatch.setattr(m, "DATA", data)
    monkeypatch.setattr(m, "MANIFEST", manifest)
    problems = m.stale()
    assert any("crossreader/extra.bin: not listed" in p for p in problems)
    assert any("reader.json: changed" in p for p in problems)
    record(data / "reader.json", "python -m qa.training.calibrate")
    record(data / "crossreader" / "extra.bin", "python -m qa.training.train_crossreader --fold all")
    assert m.stale() == []
    record(tmp_path / "elsewhere.json", "x")  # a held-out fold's output is not shipped: ignored
    assert "elsewhere.json" not in manifest.read_text()
    assert DATA.name == "data"
