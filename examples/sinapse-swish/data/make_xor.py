#!/usr/bin/env python3
"""Writes xor.csv next to this script: 240 points in the square [-1, 1]², labelled 'same' where x1 and x2 have the
same sign and 'different' where they do not: XOR on the signs, which no single line separates. Points closer than
0.1 to an axis are left out, so that the classes have a margin. Standard library only, seeded, so the file is the
same on every run:

    python3 examples/sinapse-swish/data/make_xor.py
"""
import os
import random


def main():
    rng = random.Random(7)
    rows = []
    while len(rows) < 240:
        x1, x2 = rng.uniform(-1, 1), rng.uniform(-1, 1)
        if abs(x1) < 0.1 or abs(x2) < 0.1:
            continue
        rows.append(f"{x1:.4f},{x2:.4f},{'same' if x1 * x2 > 0 else 'different'}")
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "xor.csv")
    with open(path, "w") as f:
        f.write("x1,x2,label\n" + "\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
