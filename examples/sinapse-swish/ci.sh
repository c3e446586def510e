#!/usr/bin/env bash
# CI for the example plug-in: builds it as a third party would, against the Sinapse installed in ~/.m2, then uses
# it from the nn command line through --plugin-path. Run it after 'mvn -B install' of the main reactor, from
# anywhere:
#
#     bash examples/sinapse-swish/ci.sh
#
# Each step checks what nn prints; the first check that fails stops the script with exit status 1, a line that
# starts with 'ci.sh: FAILED:' saying what was expected, and the output of the command that failed.
set -euo pipefail

example="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$example/../.." && pwd)"
nn="$root/nn"
plugins="$example/target"
data="$example/data/xor.csv"
work="$(mktemp -d "${TMPDIR:-/tmp}/sinapse-swish-ci.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# Plug-ins come only from the --plugin-path each step gives (or, in one step, from the variable it sets).
unset SINAPSE_PLUGIN_PATH

step() { printf '\n== %s\n' "$*"; }

fail() {
    echo "ci.sh: FAILED: $1" >&2
    if [ -n "${2:-}" ]; then
        echo "---- stdout of the failing command ----" >&2
        cat "$2.out" >&2 || true
        echo "---- stderr of the failing command ----" >&2
        cat "$2.err" >&2 || true
    fi
    exit 1
}

# run NAME EXPECTED_STATUS nn-arguments…: runs nn with stdout and stderr to $work/NAME.{out,err}, shows stdout.
run() {
    local name="$1" expected="$2" status=0
    shift 2
    echo "\$ nn $*"
    "$nn" "$@" >"$work/$name.out" 2>"$work/$name.err" || status=$?
    cat "$work/$name.out"
    [ "$status" -eq "$expected" ] || fail "'nn $*' exited with status $status, expected $expected" "$work/$name"
}

# build NAME POM MIN_TESTS: mvn clean verify of POM, its log in $work/NAME.out; at least MIN_TESTS tests must have run
# (a Surefire too old for JUnit 5 runs none and still says BUILD SUCCESS).
build() {
    local status=0 tests
    mvn -B -ntp -Dstyle.color=never -f "$2" clean verify 2>&1 | tee "$work/$1.out" || status=$?
    : >"$work/$1.err"
    [ "$status" -eq 0 ] || fail "mvn verify of $2 failed (status $status); see the Maven output above. It needs\
 io.sinapse:nn-api and nn-testkit 0.1.0-SNAPSHOT in the local Maven repository: run 'mvn -B install' in $root first"
    tests="$(grep -Eo '^\[(INFO|WARNING)\] Tests run: [0-9]+, Failures: 0, Errors: 0' "$work/$1.out" | tail -n 1 \
        | grep -Eo '[0-9]+' | head -n 1 || true)"
    [ -n "$tests" ] && [ "$tests" -ge "$3" ] \
        || fail "mvn verify of $2 ran ${tests:-no} tests, expected at least $3 (is Surefire 3 pinned in the pom?)"
    echo "ok: $tests tests ran (at least $3)"
}

# expect NAME FILE REGEX DESCRIPTION: FILE (out or err) of run NAME has a line matching REGEX.
expect() {
    grep -Eq -- "$3" "$work/$1.$2" || fail "$4 (no line matching /$3/ in the std$2 of step '$1')" "$work/$1"
}

# json_number NAME KEY: the number after "KEY": in the last line of run NAME's stdout.
json_number() {
    tail -n 1 "$work/$1.out" | grep -Eo "\"$2\": -?[0-9.]+([eE][-+]?[0-9]+)?" | awk '{print $2}'
}

# expect_at_least NAME KEY MIN: the JSON line of run NAME has KEY ≥ MIN.
expect_at_least() {
    local value
    value="$(json_number "$1" "$2")"
    [ -n "$value" ] || fail "the last line of 'nn train' is not JSON with \"$2\"" "$work/$1"
    awk -v v="$value" -v min="$3" 'BEGIN { exit !(v >= min) }' \
        || fail "$2 is $value, expected at least $3" "$work/$1"
    echo "ok: $2 = $value (at least $3)"
}

step "build and test the plug-in (mvn verify: the testkit's contracts, PyTorch values)"
build example "$example/pom.xml" 40
shopt -s nullglob
jars=("$plugins"/sinapse-swish-*.jar)
shopt -u nullglob
[ "${#jars[@]}" -eq 1 ] || fail "expected one sinapse-swish jar in $plugins, found ${#jars[@]}"
jar="${jars[0]}"
descriptor="$(jar --describe-module --file "$jar")"
echo "$descriptor"
grep -q '^com.example.swish' <<<"$descriptor" || fail "$jar is not the modular jar of com.example.swish"
grep -q 'provides io.sinapse.api.Activation with com.example.swish.Swish' <<<"$descriptor" \
    || fail "$jar does not provide io.sinapse.api.Activation with com.example.swish.Swish"
grep -q 'provides io.sinapse.api.Loss with com.example.swish.LogCosh' <<<"$descriptor" \
    || fail "$jar does not provide io.sinapse.api.Loss with com.example.swish.LogCosh"

step "nn plugins lists swish and log_cosh from the plug-in's module"
run plugins 0 plugins --plugin-path "$plugins"
expect plugins out '^ +swish +beta=1 +module com\.example\.swish \(sinapse-swish-[^)]*\.jar\)' \
    "nn plugins does not list the activation swish (beta=1) from module com.example.swish"
expect plugins out '^ +log_cosh +— +module com\.example\.swish' \
    "nn plugins does not list the loss log_cosh from module com.example.swish"
expect plugins out '^ +relu +— +module io\.sinapse\.activations' "the built-ins are missing next to the plug-in"
expect plugins out '^Plug-in jars loaded: .*sinapse-swish-.*\.jar' "nn plugins does not say it loaded the jar"
if grep -q 'was not loaded' "$work/plugins.err"; then fail "nn reported a plug-in jar it could not load" "$work/plugins"; fi

step "without --plugin-path, swish is unknown and nn says where plug-ins come from"
run unknown 2 train --data "$data" --target label --activation swish
expect unknown err "Unknown activation 'swish'\. Available: .*relu.*--plugin-path" \
    "nn train --activation swish without the plug-in should fail naming the activations it knows and --plugin-path"

step "nn train with --activation swish trains a classifier on xor.csv"
model="$work/xor.sinapse"
run train 0 train --plugin-path "$plugins" --data "$data" --target label --layers 8 --activation swish \
    --optimizer "adam(lr=0.02)" --epochs 200 --seed 42 --save "$model" --json
expect train out '^ +Activation\(swish\(beta=1\)\)' "the network summary does not show the swish activation"
expect train out '^Stopped after 200 epochs' "training did not run its 200 epochs"
expect train out '^\{"task": "classification"' "the last line is not the JSON of a classification"
expect_at_least train accuracy 0.9
expect_at_least train macro_f1 0.9
[ -s "$model" ] || fail "nn train --save did not write $model" "$work/train"

step "the saved model names swish, so nn eval needs the plug-in too"
run eval 0 eval --plugin-path "$plugins" --model "$model" --data "$data" --json
expect_at_least eval accuracy 0.9

step "the plug-in's loss and a configured swish, found through SINAPSE_PLUGIN_PATH"
export SINAPSE_PLUGIN_PATH="$plugins"
run logcosh 0 train --data "$data" --target label --layers 8 --activation "swish(beta=2)" --loss log_cosh \
    --optimizer "adam(lr=0.02)" --epochs 200 --seed 42 --json
unset SINAPSE_PLUGIN_PATH
expect logcosh out '^ +Activation\(swish\(beta=2\)\)' "the network summary does not show swish(beta=2)"
expect logcosh out '^Loss log_cosh,' "training did not use the loss log_cosh"
expect_at_least logcosh accuracy 0.9

step "docs/extending.md: the files the guide shows build, pass their tests, and load in nn"
guide="$work/guide"
mkdir -p "$guide"
# Every '**`path`**' line of the guide followed by a fenced block is a file of the plug-in it builds.
files="$(awk -v dest="$guide" '
    inblock && /^```/ { inblock = 0; close(out); n++; next }
    inblock { print > out; next }
    /^\*\*`[^`]+`\*\*[ \t]*$/ { path = $0; sub(/^\*\*`/, "", path); sub(/`\*\*[ \t]*$/, "", path); next }
    path != "" && /^```/ {
        out = dest "/" path; folder = out; sub(/\/[^\/]*$/, "", folder)
        system("mkdir -p \"" folder "\""); printf "" > out; inblock = 1; path = ""; next
    }
    path != "" && /^[ \t]*$/ { next }
    { path = "" }
    END { print n + 0 }' "$root/docs/extending.md")"
[ "$files" -eq 5 ] || fail "expected the 5 files of the guide's plug-in in docs/extending.md, found $files"
(cd "$guide" && find . -type f | sort)
build guide "$guide/pom.xml" 21
run guide-plugins 0 plugins --plugin-path "$guide/target"
expect guide-plugins out '^ +swish +beta=1 +module com\.example\.swish' "the guide's plug-in is not listed by nn plugins"

printf '\nci.sh: the example plug-in and the guide build, pass the testkit, and work in nn plugins, train and eval.\n'
