#!/usr/bin/python3
"""Sets GemmBenchmark's JMH results (SampleTime: p0 = best call, p50 = median call) beside gemm_numpy.py's.

    /usr/bin/python3 bench/gemm_compare.py bench/results/gemm_jmh.json bench/results/gemm_numpy.json \
        [bench/results/gemm_numpy_skylakex.json [bench/results/gemm_numpy_2.json bench/results/gemm_numpy_skylakex_2.json]]

The optional third file is numpy run with OPENBLAS_CORETYPE=SkylakeX: OpenBLAS 0.3.21 (Debian 12) does not know
AMD Zen 5 and falls back to an AVX2 kernel unless told to use its AVX-512 one. The optional fourth and fifth are the
same two on two threads, set beside GemmBenchmark.vectorTwoThreads.
"""
import json
import sys


def load_numpy(path):
    with open(path) as f:
        return json.load(f)["results"]


def main(jmh_path, numpy_path, skylakex_path=None, numpy2_path=None, skylakex2_path=None):
    with open(jmh_path) as f:
        jmh = json.load(f)
    numpy = load_numpy(numpy_path)
    skx = load_numpy(skylakex_path) if skylakex_path else None
    java = {}
    for run in jmh:
        kernel = run["benchmark"].rsplit(".", 1)[1]
        shape = run["params"]["shape"]
        pct = run["primaryMetric"]["scorePercentiles"]
        java[(shape, kernel)] = (pct["0.0"], pct["50.0"])  # microseconds
    head = (f"{'shape':18s} {'numpy':>13s} {'scalar':>13s} {'vector':>13s} {'vector/numpy':>13s}")
    if skx:
        head += f" {'numpy AVX512':>13s} {'vector/AVX512':>13s}"
    print("GFLOP/s, best/median call")
    print(head)
    for shape, ref in numpy.items():
        flops = ref["flops"]
        gf = lambda us: flops / (us * 1e-6) / 1e9
        s = java.get((shape, "scalar"))
        v = java.get((shape, "vector"))
        if v is None:
            continue
        row = f"{shape:18s} {ref['best_gflops']:6.1f}/{ref['median_gflops']:<6.1f}"
        row += f" {gf(s[0]):6.1f}/{gf(s[1]):<6.1f}" if s else f" {'-':>13s}"
        row += f" {gf(v[0]):6.1f}/{gf(v[1]):<6.1f}"
        row += f" {gf(v[0]) / ref['best_gflops']:6.2f}/{gf(v[1]) / ref['median_gflops']:<6.2f}"
        if skx:
            r = skx[shape]
            row += f" {r['best_gflops']:6.1f}/{r['median_gflops']:<6.1f}"
            row += f" {gf(v[0]) / r['best_gflops']:6.2f}/{gf(v[1]) / r['median_gflops']:<6.2f}"
        print(row)
    print("GFLOP/s = 2·m·k·n / time of one call; one thread each.")
    if numpy2_path and skylakex2_path:
        two_threads(java, load_numpy(numpy2_path), load_numpy(skylakex2_path))


def two_threads(java, numpy, skx):
    print()
    print("Two threads each: GFLOP/s, best/median call")
    print(f"{'shape':18s} {'numpy':>13s} {'numpy AVX512':>13s} {'vector':>13s} {'vector/numpy':>13s} "
          f"{'vector/AVX512':>13s}")
    for shape, ref in numpy.items():
        v = java.get((shape, "vectorTwoThreads"))
        if v is None:
            continue
        gf = lambda us: ref["flops"] / (us * 1e-6) / 1e9
        r = skx[shape]
        print(f"{shape:18s} {ref['best_gflops']:6.1f}/{ref['median_gflops']:<6.1f}"
              f" {r['best_gflops']:6.1f}/{r['median_gflops']:<6.1f}"
              f" {gf(v[0]):6.1f}/{gf(v[1]):<6.1f}"
              f" {gf(v[0]) / ref['best_gflops']:6.2f}/{gf(v[1]) / ref['median_gflops']:<6.2f}"
              f" {gf(v[0]) / r['best_gflops']:6.2f}/{gf(v[1]) / r['median_gflops']:<6.2f}")


if __name__ == "__main__":
    main(*sys.argv[1:6])
