#!/usr/bin/env bash
# Builds a self-contained runtime image of the nn command: nn-app/target/sinapse, started with
#   nn-app/target/sinapse/bin/nn --help
# It holds a trimmed Java runtime with only the modules Sinapse uses, so it runs on a machine without a JDK.
#
# Every library is a named module except JFreeChart (an automatic module, which jlink refuses): its module-info is
# generated with jdeps, compiled against the jar and added to a copy of it. The built-in providers (activations,
# losses, optimizers, regularizers) and slf4j-simple are only found through ServiceLoader, so they are named in
# --add-modules; nothing requires them.
#
# Needs: a JDK 17 with its jmods (Debian: openjdk-17-jdk-headless), and nn-app built with its libraries
# (mvn -B -q -DskipTests -pl nn-app -am package; the ./nn launcher does the same on first use).
set -euo pipefail

app="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$app/target"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
bin="$java_home/bin"
[ -d "$java_home/jmods" ] || { echo "image.sh: no jmods in $java_home (Debian: apt-get install openjdk-17-jdk-headless)" >&2; exit 1; }

jar=""
for candidate in "$target"/nn-app-*.jar; do
    case "$candidate" in *-sources.jar|*-javadoc.jar|*-tests.jar) continue ;; esac
    [ -f "$candidate" ] && jar="$candidate"
done
[ -n "$jar" ] && [ -d "$target/lib" ] || {
    echo "image.sh: build nn-app first: mvn -B -q -DskipTests -pl nn-app -am package" >&2; exit 1; }

work="$target/jlink-work"
rm -rf "$work" "$target/sinapse"
mkdir -p "$work/modules" "$work/jfreechart-info" "$work/jfreechart-classes"

# Every library as it is, except JFreeChart, which gets a module-info.
cp "$target"/lib/*.jar "$work/modules/"
chart="$(ls "$work"/modules/jfreechart-*.jar)"
# JFreeChart's servlet utilities refer to javax.servlet, which Sinapse never loads: that missing module is ignored.
"$bin/jdeps" --generate-module-info "$work/jfreechart-info" --ignore-missing-deps "$chart" 2>&1 \
    | grep -v -e '^writing to' -e 'Missing dependencies from org.jfree.jfreechart are ignored' >&2 || true
info="$(find "$work/jfreechart-info" -name module-info.java)"
"$bin/javac" -nowarn --release 17 -d "$work/jfreechart-classes" --patch-module "org.jfree.jfreechart=$chart" \
    --module-path "$work/modules" "$info"
"$bin/jar" --update --file "$chart" -C "$work/jfreechart-classes" module-info.class

modules="io.sinapse.app,io.sinapse.activations,io.sinapse.losses,io.sinapse.optimizers,io.sinapse.regularization"
modules="$modules,org.slf4j.simple"
"$bin/jlink" --module-path "$java_home/jmods:$work/modules:$jar" --add-modules "$modules" \
    --launcher nn=io.sinapse.app/io.sinapse.app.Main --add-options="-Djava.awt.headless=true -XX:+UseSerialGC -Xmn16m" \
    --strip-debug --no-header-files --no-man-pages --compress=2 --output "$target/sinapse"
rm -rf "$work"
# A smoke test of the image: it starts, and finds the built-in providers through ServiceLoader.
"$target/sinapse/bin/nn" --version >/dev/null 2>&1 || { echo "image.sh: $target/sinapse/bin/nn --version failed" >&2; exit 1; }
"$target/sinapse/bin/nn" plugins 2>/dev/null | grep -q "adam" \
    || { echo "image.sh: the image does not find the built-in optimizers" >&2; exit 1; }
echo "Runtime image: $target/sinapse ($(du -sh "$target/sinapse" | cut -f1)); run $target/sinapse/bin/nn --help"
