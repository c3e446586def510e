#!/bin/sh
# Sinapse's Fashion-MNIST training bench beside PyTorch's, alternating, with the ratios.
#
#   bench/compare.sh [ROUNDS [EPOCHS]]          (defaults: 3 rounds of 10 epochs each)
#
# Each round runs `nn bench fmnist --threads 2 --json` and bench/pytorch_fmnist.py (torch.set_num_threads(2)),
# the first one first in odd rounds and second in even rounds, so drifting machine load falls on both. PyTorch runs
# with OMP_WAIT_POLICY=PASSIVE and with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (for its command only), as the
# issue asks. The JVM options come from $SINAPSE_JAVA_OPTS, by default "-XX:+UseSerialGC -Xmn16m" (see
# docs/performance.md for the same run on the JVM's defaults), plus --add-modules jdk.management so the bench can
# count the bytes a training step allocates.
#
# Writes bench/results/fmnist_<framework>_<round>.log (full output, the machine's load average on its first line)
# and bench/results/fmnist_compare.txt (per-round values, medians, ratios); prints the latter.
set -eu
cd "$(dirname "$0")/.."
rounds=${1:-3}
epochs=${2:-10}
out=bench/results
mkdir -p "$out"
java_opts=${SINAPSE_JAVA_OPTS:-"-XX:+UseSerialGC -Xmn16m"}
. bench/peers.sh
check_peers numpy torch

./nn --version > /dev/null    # builds nn once, if the sources changed
# Run a copy of the modules, as ./nn would run them, so a build started meanwhile cannot swap jars mid-run.
modules=$(mktemp -d "${TMPDIR:-/tmp}/sinapse-compare.XXXXXX")
trap 'rm -rf "$modules"' EXIT
for jar in nn-app/target/lib/*.jar nn-app/target/nn-app-*.jar; do
    case "$jar" in *-sources.jar|*-javadoc.jar|*-tests.jar) ;; *) cp "$jar" "$modules/" ;; esac
done

sinapse() {
    log="$out/fmnist_sinapse_$1.log"
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); JAVA_OPTS=$java_opts" > "$log"
    # shellcheck disable=SC2086 # the options are words
    "${JAVA_HOME:+$JAVA_HOME/bin/}java" $java_opts --add-modules jdk.management -Djava.awt.headless=true \
        --module-path "$modules" -m io.sinapse.app/io.sinapse.app.Main \
        bench fmnist --epochs "$epochs" --threads 2 --json >> "$log" 2>&1
}

pytorch() {
    log="$out/fmnist_pytorch_$1.log"
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" > "$log"
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_WAIT_POLICY=PASSIVE \
        /usr/bin/python3 bench/pytorch_fmnist.py --epochs "$epochs" --threads 2 --json >> "$log" 2>&1
}

round=1
while [ "$round" -le "$rounds" ]; do
    echo "round $round of $rounds" >&2
    if [ $((round % 2)) -eq 1 ]; then
        sinapse "$round"
        pytorch "$round"
    else
        pytorch "$round"
        sinapse "$round"
    fi
    round=$((round + 1))
done

{ cpu_line; /usr/bin/python3 bench/fmnist_compare.py "$out" "$rounds"; } | tee "$out/fmnist_compare.txt"
