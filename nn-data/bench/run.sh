#!/usr/bin/env bash
# Side-by-side load benchmark: Java IdxReader (into floats, and into bytes as FashionMnist keeps them) vs numpy on the
# 60,000 Fashion-MNIST training images, then a full train+test load under a heap cap of 1.3 x the images' byte size.
# Needs the nn-data test classes: run `mvn -B -q -pl nn-data install` (from the repository root) first.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test -Dstyle.color=never >/dev/null 2>&1
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"
DIR="${1:-/usr/share/datasets/fashion-mnist}"
java -cp "$CP" io.sinapse.data.FashionMnistLoadBenchmark "$DIR" 7
/usr/bin/python3 bench/load_numpy.py "$DIR" 7
# FashionMnist keeps a byte per pixel: 70,000 images x 784 bytes = 54,880,000 bytes; 1.3 x that = 71,344,000 bytes
# = 69,672 KiB (the one-hot labels, 2.8 MB, and the JVM's own objects fit in the margin).
java -Xmx69672k -cp "$CP" io.sinapse.data.FashionMnistMemoryCheck "$DIR"
