#!/usr/bin/python3
"""Sets GemmBenchmark's JMH results (SampleTime: p0 = best call, p50 = median call) beside gemm_numpy.py's.

    /usr/bin/python3 bench/gemm_compare.py bench/results/gemm_jmh.json bench/results/gemm_numpy.json
"""
import json
import sys


def main(jmh_path, numpy_path):
    with open(jmh_path) as f:
        jmh = json.load(f)
    with open(numpy_path) as f:
        numpy = json.load(f)["results"]
    java = {}
    for run in jmh:
        kernel = run["benchmark"].rsplit(".", 1)[1]
        shape = run["params"]["shape"]
        pct = run["primaryMetric"]["scorePercentiles"]
        java[(shape, kernel)] = (pct["0.0"], pct["50.0"])  # microseconds
    print(f"{'shape':18s} {'numpy best/med':>16s} {'scalar best/med':>16s} {'vector best/med':>16s}"
          f" {'vector/numpy best':>18s} {'med':>6s}")
    for shape, ref in numpy.items():
        flops = ref["flops"]
        gf = lambda us: flops / (us * 1e-6) / 1e9
        s = java.get((shape, "scalar"))
        v = java.get((shape, "vector"))
        if v is None:
            continue
        row = f"{shape:18s} {ref['best_gflops']:7.1f}/{ref['median_gflops']:<8.1f}"
        row += f" {gf(s[0]):7.1f}/{gf(s[1]):<8.1f}" if s else f" {'-':>16s}"
        row += f" {gf(v[0]):7.1f}/{gf(v[1]):<8.1f}"
        row += f" {gf(v[0]) / ref['best_gflops']:18.2f} {gf(v[1]) / ref['median_gflops']:6.2f}"
        print(row)
    print("GFLOP/s = 2·m·k·n / time of one call; one thread each.")


if __name__ == "__main__":
    main(*sys.argv[1:3])
