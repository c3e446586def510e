# Sourced by bench/compare.sh and bench/gemm_compare.sh: stops a comparison whose peers are not the issue's.
#
# Debian's numpy and torch call whatever libblas.so.3 the alternatives system points to. With only the reference
# BLAS installed (libblas3, which python3-numpy pulls in by itself) numpy multiplied at 6 GFLOP/s and PyTorch took
# 17 s per epoch here, 30-40x slower than on OpenBLAS: ratios against that are meaningless, so refuse to measure.

# check_peers MODULE...: /usr/bin/python3 imports each module, and libblas.so.3 is OpenBLAS.
check_peers() {
    for module in "$@"; do
        if ! /usr/bin/python3 -c "import $module" 2>/dev/null; then
            echo "bench: /usr/bin/python3 cannot import $module; install it: apt-get install -y python3-$module" >&2
            exit 1
        fi
    done
    blas=$(/usr/bin/python3 -c "
import os, numpy  # loads libblas.so.3
for line in open('/proc/self/maps'):
    if 'blas' in line:
        print(os.path.realpath(line.split()[-1])); break" 2>/dev/null)
    case "$blas" in
        *openblas*) ;;
        *)
            echo "bench: numpy's BLAS is ${blas:-unknown}, not OpenBLAS, so the peers would run 30-40x slower" \
                "than the issue measured them; install it: apt-get install -y libopenblas0-pthread" >&2
            exit 1 ;;
    esac
}

# cpu_line: the CPU the run is on, for the results file (the targets were set on Zen 5; Zen 4 reports family 25).
cpu_line() {
    printf 'CPU: %s, family %s model %s, %s CPUs\n' \
        "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)" \
        "$(sed -n 's/^cpu family[[:space:]]*: //p' /proc/cpuinfo | head -1)" \
        "$(sed -n 's/^model[[:space:]]*: //p' /proc/cpuinfo | head -1)" "$(nproc)"
}
