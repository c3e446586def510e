#!/usr/bin/python3
"""Loads the 60,000 Fashion-MNIST training images the way numpy users do, as the baseline for
FashionMnistLoadBenchmark: gunzip, skip the 16-byte IDX header, uint8 -> float32 / 255.
Prints the median of several runs in milliseconds. Usage: load_numpy.py [directory] [runs]"""
import gzip
import os
import statistics
import sys
import time

import numpy as np

directory = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 7
path = os.path.join(directory, "train-images-idx3-ubyte.gz")


def load():
    with gzip.open(path, "rb") as f:
        pixels = np.frombuffer(f.read(), np.uint8, offset=16)
    return pixels.astype(np.float32) / 255


images = load()  # warm-up, and a check of what was read
assert images.shape == (60000 * 784,), images.shape
times = []
for _ in range(runs):
    start = time.perf_counter()
    images = load()
    times.append((time.perf_counter() - start) * 1000)
print(f"numpy: median {statistics.median(times):.1f} ms over {runs} runs "
      f"(min {min(times):.1f}, max {max(times):.1f}); {images.nbytes / 1e6:.1f} MB of float32")
