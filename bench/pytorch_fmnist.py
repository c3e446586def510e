#!/usr/bin/python3
"""The yardstick for `nn bench fmnist`: the same MLP, data and settings in PyTorch, timed the same way.

MLP 784-256-128-10 (ReLU; softmax cross-entropy on the logits), Adam lr 0.001, batch 128, a new shuffle per
epoch, on the 60,000 Fashion-MNIST training images scaled to [0, 1]. Each training step, like Sinapse's Trainer,
gathers its batch, runs forward, backward and the update, and adds up the batch loss and the correct predictions
for the epoch's training loss and accuracy. The epoch clock stops before the test accuracy is measured. Then one
image at a time (calls for 2 s to warm up, then 30,000 timed one by one: the median call, and the mean) and the
10,000 test images in one batch (calls for 2 s to warm up, then the median of 15), each
as probabilities (softmax of the logits), which is what Sinapse's network, ending in a softmax layer, returns.

    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 bench/pytorch_fmnist.py --epochs 10 --threads 2 --json

Debian's python3 with its torch 1.13 (CPU); bench/compare.sh runs it beside the Java bench with OPENBLAS_CORETYPE
and OPENBLAS_L2_SIZE unset.
"""
import argparse
import gzip
import json
import os
import platform
import statistics
import sys
import time

import numpy as np
import torch
from torch import nn

DEFAULT_DIRECTORY = "/usr/share/datasets/fashion-mnist"
PREDICT_ONE_CALLS = 30000
PREDICT_WARM_UP_SECONDS = 2.0
PREDICT_SET_RUNS = 15


def read_images(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    count = int.from_bytes(data[4:8], "big")
    rows = int.from_bytes(data[8:12], "big")
    cols = int.from_bytes(data[12:16], "big")
    pixels = np.frombuffer(data, np.uint8, offset=16).reshape(count, rows * cols)
    return torch.from_numpy(pixels.astype(np.float32) / 255)


def read_labels(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    return torch.from_numpy(np.frombuffer(data, np.uint8, offset=8).astype(np.int64))


def peak_rss_mb():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def accuracy(model, x, y):
    with torch.no_grad():
        return (model(x).argmax(1) == y).float().mean().item()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--data", default=DEFAULT_DIRECTORY)
    parser.add_argument("--json", action="store_true", help="end stdout with one JSON line of the measurements")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)

    started = time.perf_counter()
    train_x = read_images(os.path.join(args.data, "train-images-idx3-ubyte.gz"))
    train_y = read_labels(os.path.join(args.data, "train-labels-idx1-ubyte.gz"))
    test_x = read_images(os.path.join(args.data, "t10k-images-idx3-ubyte.gz"))
    test_y = read_labels(os.path.join(args.data, "t10k-labels-idx1-ubyte.gz"))
    load_seconds = time.perf_counter() - started
    rows = train_x.shape[0]

    model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    print(f"Fashion-MNIST: {rows} training, {test_x.shape[0]} test images, loaded in {load_seconds:.3g} s")
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} threads, batch size {args.batch_size}, "
          f"{args.epochs} epochs; Python {platform.python_version()}; "
          f"OMP_WAIT_POLICY={os.environ.get('OMP_WAIT_POLICY', '(unset)')}")
    sys.stdout.flush()

    epoch_seconds = []
    test_accuracy = float("nan")
    final_loss = float("nan")
    for epoch in range(1, args.epochs + 1):
        model.train()
        started = time.perf_counter()
        order = torch.randperm(rows)
        loss_sum = 0.0
        correct = 0
        for start in range(0, rows, args.batch_size):
            index = order[start:start + args.batch_size]
            x = train_x[index]
            y = train_y[index]
            logits = model(x)
            loss = loss_fn(logits, y)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            loss_sum += loss.item() * len(index)
            correct += (logits.argmax(1) == y).sum().item()
        seconds = time.perf_counter() - started
        epoch_seconds.append(seconds)
        model.eval()
        test_accuracy = accuracy(model, test_x, test_y)
        final_loss = loss_sum / rows
        print(f"epoch {epoch:2d}  {seconds:7.3f} s  {rows / seconds:8.0f} samples/s  loss {final_loss:.4f}  "
              f"train accuracy {correct / rows:.4f}  test accuracy {test_accuracy:.4f}")
        sys.stdout.flush()

    model.eval()
    images = [test_x[i:i + 1].clone() for i in range(min(1000, test_x.shape[0]))]
    calls = []
    with torch.no_grad():
        warm_up_started = time.perf_counter()
        i = 0
        while time.perf_counter() - warm_up_started < PREDICT_WARM_UP_SECONDS:
            torch.softmax(model(images[i % len(images)]), 1)
            i += 1
        for i in range(PREDICT_ONE_CALLS):
            started = time.perf_counter()
            torch.softmax(model(images[i % len(images)]), 1)
            calls.append((time.perf_counter() - started) * 1e6)
        warm_up_started = time.perf_counter()
        while time.perf_counter() - warm_up_started < PREDICT_WARM_UP_SECONDS:
            torch.softmax(model(test_x), 1)
        runs = []
        for _ in range(PREDICT_SET_RUNS):
            started = time.perf_counter()
            torch.softmax(model(test_x), 1)
            runs.append((time.perf_counter() - started) * 1e3)
    predict_one = statistics.median(calls)
    predict_one_mean = statistics.fmean(calls)
    predict_set = statistics.median(runs)
    median = statistics.median(epoch_seconds)
    rss = peak_rss_mb()

    print(f"median epoch {median:.3f} s, {rows / median:.0f} samples/s, test accuracy {test_accuracy:.4f}")
    print(f"predict one image {predict_one:.2f} µs (median of {PREDICT_ONE_CALLS} calls; mean {predict_one_mean:.2f}"
          f" µs), the {test_x.shape[0]} test images {predict_set:.2f} ms (median of {PREDICT_SET_RUNS})")
    print(f"peak RSS {rss:.4g} MB" if rss is not None else "peak RSS unknown (no /proc/self/status)")
    if args.json:
        print(json.dumps({
            "framework": "pytorch",
            "epochs": args.epochs,
            "threads": torch.get_num_threads(),
            "batch_size": args.batch_size,
            "torch_version": torch.__version__,
            "median_epoch_seconds": median,
            "first_epoch_seconds": epoch_seconds[0],
            "samples_per_second": rows / median,
            "test_accuracy": test_accuracy,
            "final_loss": final_loss,
            "predict_one_microseconds": predict_one,
            "predict_one_mean_microseconds": predict_one_mean,
            "predict_test_set_milliseconds": predict_set,
            "peak_rss_mb": rss,
            "load_seconds": load_seconds,
        }))


if __name__ == "__main__":
    main()
