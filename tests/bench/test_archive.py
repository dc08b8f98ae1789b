"""The archive benchmark's own arithmetic: growth exponents, and the 100k point's vector reuse."""
from __future__ import annotations

import json

import numpy as np

from qa.bench.archive import ReusingEmbedder, exponents

from ..conftest import FakeEmbedder


def _row(n, seconds, **stages):
    return {"articles": n, "build": {"seconds": seconds, "stages": stages}}


def test_growth_exponent_is_the_log_log_slope_between_the_ends():
    rows = [_row(1000, 10.0, embed=8.0, conflicts=1.0, save=0.01), _row(3000, 30.0, embed=24.0, conflicts=3.0),
            _row(10000, 100.0, embed=80.0, conflicts=100.0, save=0.02)]
    got = exponents(rows)
    assert got["embed"] == 1.0 and got["conflicts"] == 2.0 and got["total"] == 1.0
    assert "save" not in got  # under 50 ms: noise, not growth
    assert exponents(rows[:1]) == {}


def test_reused_vectors_for_known_texts_and_the_real_model_for_the_rest(tmp_path):
    real = FakeEmbedder()
    known = ["The plant employs 1,200 workers.", "Shares rose 4% on Monday."]
    np.save(tmp_path / "vectors.npy", np.asarray(real.encode(known), np.float16))
    (tmp_path / "texts.json").write_text(json.dumps(known), "utf-8")
    emb = ReusingEmbedder(real, tmp_path)
    before = real.encoded
    got = emb.encode([known[1], "A sentence never embedded.", known[0]])
    assert real.encoded - before == 1 and emb.missed == 1
    want = real.encode([known[1], "A sentence never embedded.", known[0]])
    assert np.allclose(got, want, atol=1e-3) and emb.model_id == real.model_id and emb.dim == real.dim


def test_readme_table_has_a_column_per_size_and_says_which_reused_vectors():
    from qa.bench.archive import table

    def row(n, reused=False):
        return {"articles": n, "vectors_reused": reused, "cold_start_s": 2.0, "ask": {"median_ms": 30, "p95_ms": 80},
                "add": {"median_s": 1.5}, "build": {"seconds": 100.0, "peak_mb": 2000, "disk_mb": 50.0,
                "planted": {"found": 9, "planted": 10},
                "stages": dict(read=1.0, chunk=2.0, embed=80.0, entities=5.0, index=3.0, conflicts=4.0, save=0.5)}}
    text = table({"rows": [row(1000), row(100000, True)], "exponents": {"total": 1.02}})
    assert "| | 1,000 | 100,000 (vectors reused) | growth exponent 1,000→1,000 |" in text
    assert "| full build, s | 100 | 100 | 1.02 |" in text and "| planted conflicts found | 9/10 | 9/10 |  |" in text
    assert "| embedding share of the build | 80% | 80% |  |" in text
