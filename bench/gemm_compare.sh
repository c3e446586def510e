#!/bin/sh
# GEMM side by side: Sinapse's scalar and Vector API kernels (JMH, one thread) against numpy/OpenBLAS (one thread),
# on the Fashion-MNIST MLP's shapes, in one run. Prints best and median GFLOP/s and the ratios to numpy.
#   mvn -B -q -pl nn-bench -am package -DskipTests   (once: builds nn-bench/target/benchmarks.jar)
#   bench/gemm_compare.sh
set -e
cd "$(dirname "$0")/.."
out=bench/results
mkdir -p "$out"
java -jar nn-bench/target/benchmarks.jar GemmBenchmark -wi 5 -w 1 -i 5 -r 1 -f 1 \
    -rf json -rff "$out/gemm_jmh.json" > "$out/gemm_jmh.log"
/usr/bin/python3 bench/gemm_numpy.py --repeats 300 --json "$out/gemm_numpy.json" > /dev/null
# OpenBLAS 0.3.21 does not recognise Zen 5 and picks an AVX2 kernel; also measure its AVX-512 (SkylakeX) kernel.
OPENBLAS_CORETYPE=SkylakeX /usr/bin/python3 bench/gemm_numpy.py --repeats 300 \
    --json "$out/gemm_numpy_skylakex.json" > /dev/null
/usr/bin/python3 bench/gemm_compare.py "$out/gemm_jmh.json" "$out/gemm_numpy.json" "$out/gemm_numpy_skylakex.json" \
    | tee "$out/gemm_compare.txt"
