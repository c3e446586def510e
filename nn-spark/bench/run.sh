#!/usr/bin/env bash
# The measurements of docs/distributed.md: Fashion-MNIST (Debian package dataset-fashion-mnist) on one machine
# and on Spark local[1] and local[2]. Arguments: training images, test images, epochs (default 10000 10000 4).
# Writes nn-spark/bench/results/fashion-mnist-<train>.log; run from anywhere after `mvn -pl nn-spark install`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
train=${1:-10000}
test=${2:-10000}
epochs=${3:-4}
mkdir -p "$here/bench/results"
log="$here/bench/results/fashion-mnist-$((train / 1000))k.log"
NN_SPARK_MAIN=io.sinapse.spark.DistributedBenchmark JAVA_OPTS="${JAVA_OPTS:--Xmx8g}" \
  "$here/bin/nn-spark" "$train" "$test" "$epochs" 2>&1 | grep -v -e '^WARNING: Using incubator' | tee "$log"
