#!/usr/bin/python3
"""Reads the logs bench/compare.sh wrote (the last line of each is the bench's JSON) and prints, per measure, each
round's value for Sinapse and PyTorch, the medians, and the ratio of the medians (Sinapse / PyTorch).

    /usr/bin/python3 bench/fmnist_compare.py bench/results 3
"""
import json
import os
import statistics
import sys

MEASURES = [
    # key, label, format, what a ratio below 1 means
    ("median_epoch_seconds", "median epoch (s)", "{:.3f}", "faster"),
    ("first_epoch_seconds", "first epoch (s)", "{:.3f}", "faster"),
    ("samples_per_second", "samples/s", "{:.0f}", "slower"),
    ("test_accuracy", "test accuracy", "{:.4f}", "less accurate"),
    ("predict_one_microseconds", "predict one p50 (µs)", "{:.2f}", "faster"),
    ("predict_one_mean_microseconds", "predict one mean", "{:.2f}", "faster"),
    ("predict_test_set_milliseconds", "predict 10k (ms)", "{:.2f}", "faster"),
    ("peak_rss_mb", "peak RSS (MB)", "{:.1f}", "smaller"),
    ("allocated_bytes_per_step", "bytes/step", "{:.0f}", "less"),
]

# Issue #5's targets on the medians: (label, key, compared with PyTorch's median?, limit, met when below the limit?)
TARGETS = [
    ("median epoch <= 0.5 x PyTorch's", "median_epoch_seconds", True, 0.5, True),
    ("test accuracy >= 0.88", "test_accuracy", False, 0.88, False),
    ("predict one <= 5 us", "predict_one_microseconds", False, 5.0, True),
    ("predict 10k <= 15 ms", "predict_test_set_milliseconds", False, 15.0, True),
    ("peak RSS <= 300 MB", "peak_rss_mb", False, 300.0, True),
    ("allocation < 1 KB/step", "allocated_bytes_per_step", False, 1024.0, True),
]


def load(directory, framework, round_number):
    path = os.path.join(directory, f"fmnist_{framework}_{round_number}.log")
    with open(path) as f:
        lines = f.read().splitlines()
    load_average = lines[0].split(":", 1)[1].split(";")[0].strip() if lines else "?"
    for line in reversed(lines):
        if line.startswith("{"):
            return json.loads(line), load_average
    raise SystemExit(f"{path}: no JSON line (did the run fail? see the log)")


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else "bench/results"
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    runs = {fw: [load(directory, fw, r) for r in range(1, rounds + 1)] for fw in ("sinapse", "pytorch")}
    first = runs["sinapse"][0][0]
    print(f"Fashion-MNIST MLP 784-256-128-10, {first['epochs']} epochs, batch {first['batch_size']}, "
          f"{first['threads']} threads each; {rounds} alternating rounds")
    for fw in ("sinapse", "pytorch"):
        print(f"  load average (1, 5, 15 min) before each {fw} run: "
              + " | ".join(load_average for _, load_average in runs[fw]))
    medians = {}
    header = f"{'measure':<20} {'Sinapse per round':<30} {'PyTorch per round':<30} {'Sinapse':>9} {'PyTorch':>9} {'ratio':>7}"
    print(header)
    print("-" * len(header))
    for key, label, fmt, _ in MEASURES:
        ours = [run.get(key) for run, _ in runs["sinapse"]]
        theirs = [run.get(key) for run, _ in runs["pytorch"]]

        def cells(values):
            return ", ".join("-" if v is None else fmt.format(v) for v in values)

        def median(values):
            known = [v for v in values if v is not None]
            return statistics.median(known) if known else None

        m_ours, m_theirs = median(ours), median(theirs)
        medians[key] = (m_ours, m_theirs)
        ratio = f"{m_ours / m_theirs:.2f}" if m_ours is not None and m_theirs else "-"
        print(f"{label:<20} {cells(ours):<30} {cells(theirs):<30} "
              f"{'-' if m_ours is None else fmt.format(m_ours):>9} {'-' if m_theirs is None else fmt.format(m_theirs):>9} "
              f"{ratio:>7}")
    print("ratio = Sinapse median / PyTorch median (below 1: Sinapse faster, smaller, or less accurate for accuracy)")
    print("issue #5's targets, on the medians above:")
    for label, key, relative, limit, below in TARGETS:
        ours, theirs = medians.get(key, (None, None))
        value = None if ours is None or (relative and not theirs) else ours / theirs if relative else ours
        verdict = "unknown" if value is None else "met" if (value <= limit if below else value >= limit) else "MISSED"
        shown = "-" if value is None else f"{value:.4g}"
        print(f"  {label:<34} {shown:>8}  {verdict}")


if __name__ == "__main__":
    main()
