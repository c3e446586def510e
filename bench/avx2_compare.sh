#!/bin/bash
# Fashion-MNIST training as on a CPU without AVX-512, in one run: Sinapse with -XX:UseAVX=2 (the JVM then offers
# 256-bit vectors only, so Kernels picks its 256-bit products, "vector256"), PyTorch limited to AVX2 (ATen's avx2
# kernels, OpenBLAS's Haswell kernel), alternating, and Sinapse's scalar loops (2 epochs) for scale. Prints each
# run's median epoch, test accuracy, predict-one and 10,000-image times and peak RSS.
#   bench/avx2_compare.sh [rounds] [epochs]      (default 3 rounds of 10 epochs)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
epochs=${2:-10}
. bench/peers.sh
check_peers torch
./nn --version > /dev/null    # builds nn once, if the sources changed
out=$(mktemp -d "${TMPDIR:-/tmp}/sinapse-avx2.XXXXXX")
modules="$out/modules"
mkdir "$modules"
for jar in nn-app/target/lib/*.jar nn-app/target/nn-app-*.jar; do
    case "$jar" in *-sources.jar|*-javadoc.jar|*-tests.jar) ;; *) cp "$jar" "$modules/" ;; esac
done
sinapse() { # sinapse LOG EPOCHS [JVM options]
    log=$1 n=$2
    shift 2
    java -XX:+UseSerialGC -Xmn16m -XX:UseAVX=2 "$@" --add-modules jdk.management -Djava.awt.headless=true \
        --module-path "$modules" -m io.sinapse.app/io.sinapse.app.Main bench fmnist --epochs "$n" --threads 2 --json \
        > "$out/$log" 2>&1
}
for round in $(seq "$rounds"); do
    echo "round $round of $rounds" >&2
    sinapse "sinapse_$round.log" "$epochs"
    env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=Haswell ATEN_CPU_CAPABILITY=avx2 OMP_WAIT_POLICY=PASSIVE \
        /usr/bin/python3 bench/pytorch_fmnist.py --epochs "$epochs" --threads 2 --json > "$out/pytorch_$round.log" 2>&1
    sinapse "scalar_$round.log" 2 -Dsinapse.kernels=scalar
done
for log in "$out"/*.log; do
    printf '%s: ' "$(basename "$log")"
    tail -1 "$log" | /usr/bin/python3 -c 'import json, sys
d = json.loads(sys.stdin.read())
print({k: d.get(k) for k in ["kernels", "median_epoch_seconds", "test_accuracy", "predict_one_microseconds",
                             "predict_test_set_milliseconds", "peak_rss_mb"]})'
done
rm -rf "$out"
