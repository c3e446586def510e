#!/bin/sh
# GEMM side by side: Sinapse's scalar and Vector API kernels (JMH) against numpy/OpenBLAS, on one thread and on two,
# on the Fashion-MNIST MLP's shapes, in one run. Prints best and median GFLOP/s and the ratios to numpy.
#   mvn -B -q -pl nn-bench -am package -DskipTests   (once: builds nn-bench/target/benchmarks.jar)
#   bench/gemm_compare.sh
# numpy runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (these machines set them), as OpenBLAS picks by
# itself, and again with OPENBLAS_CORETYPE=SkylakeX: OpenBLAS 0.3.21 does not recognise Zen 5 and picks an AVX2
# kernel, so the second run is its AVX-512 kernel, the yardstick of issue #5.
set -e
cd "$(dirname "$0")/.."
out=bench/results
mkdir -p "$out"
. bench/peers.sh
check_peers numpy

numpy() { # numpy THREADS JSON [VAR=VALUE ...]
    threads=$1 json=$2
    shift 2
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$@" /usr/bin/python3 bench/gemm_numpy.py --repeats 300 \
        --threads "$threads" --json "$json" > /dev/null
}

java -jar nn-bench/target/benchmarks.jar GemmBenchmark -wi 5 -w 1 -i 5 -r 1 -f 1 \
    -rf json -rff "$out/gemm_jmh.json" > "$out/gemm_jmh.log"
numpy 1 "$out/gemm_numpy.json"
numpy 1 "$out/gemm_numpy_skylakex.json" OPENBLAS_CORETYPE=SkylakeX
numpy 2 "$out/gemm_numpy_2.json"
numpy 2 "$out/gemm_numpy_skylakex_2.json" OPENBLAS_CORETYPE=SkylakeX
{ cpu_line; /usr/bin/python3 bench/gemm_compare.py "$out/gemm_jmh.json" "$out/gemm_numpy.json" "$out/gemm_numpy_skylakex.json" \
    "$out/gemm_numpy_2.json" "$out/gemm_numpy_skylakex_2.json"; } | tee "$out/gemm_compare.txt"
