"""The benchmarks' one definition of a percentile (qa.bench.common.percentile) and latency summary."""
from __future__ import annotations

from qa.bench.common import _ms, percentile


def test_percentile_is_the_nearest_rank():
    xs = [float(x) for x in range(21, 0, -1)]  # 1..21, unsorted
    assert percentile(xs, 0.95) == 20.0 and percentile(xs, 0.5) == 11.0 and percentile(xs, 1.0) == 21.0
    assert percentile([3.0], 0.95) == 3.0 and percentile([], 0.95) is None


def test_latency_summary_in_milliseconds():
    assert _ms([0.001, 0.002, 0.004]) == {"n": 3, "median_ms": 2.0, "p95_ms": 4.0}
    assert _ms([0.00125], 3)["median_ms"] == 1.25
    assert _ms([]) == {"n": 0}
