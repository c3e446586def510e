#!/usr/bin/python3
"""numpy/OpenBLAS on the MLP's matrix products, one or two threads: the yardstick for nn-bench's GemmBenchmark.

Run with Debian's python (its numpy uses the system OpenBLAS):
    /usr/bin/python3 bench/gemm_numpy.py [--repeats 200] [--threads 1] [--json bench/results/gemm_numpy.json]
The shapes and their names are GemmBenchmark's: AB_m x k x n is a[m,k] @ b[k,n]; AtB_m x k x n is a[m,k].T @ b[m,n];
ABt_m x n x k is a[m,n] @ b[k,n].T. Transposes are numpy views, so OpenBLAS gets the same job as our kernels.
"""
import os
import sys

# OpenBLAS reads its thread count when numpy is imported, so --threads is looked at before the import.
THREADS = sys.argv[sys.argv.index("--threads") + 1] if "--threads" in sys.argv else "1"
os.environ["OPENBLAS_NUM_THREADS"] = THREADS
os.environ["OMP_NUM_THREADS"] = THREADS

import argparse
import json
import platform
import statistics
import time

import numpy as np

SHAPES = ["AB_128x784x256", "AB_128x256x128", "AtB_128x784x256", "AtB_128x256x128",
          "ABt_128x256x784", "ABt_128x128x256"]


def job(shape, rng):
    op, dims = shape.split("_")
    d0, d1, d2 = (int(d) for d in dims.split("x"))
    f32 = np.float32
    if op == "AB":
        a, b = rng.uniform(-1, 1, (d0, d1)).astype(f32), rng.uniform(-1, 1, (d1, d2)).astype(f32)
        out = np.empty((d0, d2), f32)
        return (lambda: np.matmul(a, b, out=out)), 2 * d0 * d1 * d2
    if op == "AtB":
        a, b = rng.uniform(-1, 1, (d0, d1)).astype(f32), rng.uniform(-1, 1, (d0, d2)).astype(f32)
        out = np.empty((d1, d2), f32)
        return (lambda: np.matmul(a.T, b, out=out)), 2 * d0 * d1 * d2
    if op == "ABt":
        a, b = rng.uniform(-1, 1, (d0, d1)).astype(f32), rng.uniform(-1, 1, (d2, d1)).astype(f32)
        out = np.empty((d0, d2), f32)
        return (lambda: np.matmul(a, b.T, out=out)), 2 * d0 * d1 * d2
    raise ValueError(shape)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=200, help="timed calls per shape (after as many warm-up calls)")
    parser.add_argument("--threads", type=int, default=1, help="OpenBLAS threads (read before numpy is imported)")
    parser.add_argument("--json", help="write the results here as JSON")
    args = parser.parse_args()
    rng = np.random.default_rng(1)
    results = {}
    for shape in SHAPES:
        run, flops = job(shape, rng)
        for _ in range(args.repeats):
            run()
        times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        median, best = statistics.median(times), min(times)
        results[shape] = {"median_us": median * 1e6, "best_us": best * 1e6, "flops": flops,
                          "median_gflops": flops / median / 1e9, "best_gflops": flops / best / 1e9}
        print(f"{shape:18s} median {median * 1e6:9.1f} us  {flops / median / 1e9:6.1f} GFLOP/s   "
              f"best {best * 1e6:9.1f} us  {flops / best / 1e9:6.1f} GFLOP/s")
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w") as f:
            json.dump({"numpy": np.__version__, "python": platform.python_version(),
                       "threads": args.threads, "results": results}, f, indent=2)


if __name__ == "__main__":
    main()
