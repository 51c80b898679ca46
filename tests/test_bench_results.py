"""The benchmark results file and its comparison with the previous run."""

from __future__ import annotations

from pathlib import Path

from benchmarks import results
from benchmarks.common import Figure


def _fig(name: str, value: float, module: str = "bench_sync") -> Figure:
    return Figure(module, name, value, "x", ">= 0.25", value >= 0.25)


def test_each_figure_is_compared_with_its_last_measurement(tmp_path: Path) -> None:
    first = results.save([_fig("pull ratio", 0.20), _fig("startup", 1.5, "bench_foundation")],
                         ["bench_sync", "bench_foundation"], tmp_path)
    second = first.with_name("9999-" + first.name)  # a later run of one module only
    second.write_text(first.read_text("utf-8").replace("0.2,", "0.3,"), "utf-8")
    third = results.save([_fig("pull ratio", 0.40), _fig("startup", 1.2, "bench_foundation")], [], tmp_path)
    third = third.rename(third.with_name("99999-" + third.name))
    old = results.previous(third, tmp_path)
    assert old[("bench_sync", "pull ratio")]["value"] == 0.3
    table = results.comparison([_fig("pull ratio", 0.40), _fig("startup", 1.2, "bench_foundation")], old)
    assert "+33%" in table and "-20%" in table and "PASS" in table
    assert results.comparison([_fig("new figure", 1.0)], {}).count("—") == 2
