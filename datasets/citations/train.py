#!/usr/bin/env python3
"""Fits the citation model (logistic regression) on the tune half of labels.jsonl.

    ./precis eval-citations --features > /tmp/features.tsv
    python3 datasets/citations/train.py /tmp/features.tsv [MIN_PRECISION]

Prints the weights for CitationFinder.MODEL and the threshold with the highest tune recall at
tune precision >= MIN_PRECISION (default 0.85: the finder's precision before the model; else the
best F0.5), with tune and report precision/recall. numpy only; deterministic (full-batch gradient
descent from zero on standardised features, folded back into weights over the raw ones).
"""
import sys

import numpy as np

rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
labels = np.array([int(r[0]) for r in rows])
split = np.array([r[1] for r in rows])
has = np.array([len(r) > 3 for r in rows])
width = max(len(r) for r in rows) - 3
X = np.zeros((len(rows), width))
for i, r in enumerate(rows):
    if len(r) > 3:
        X[i] = [float(x) for x in r[3:]]
train = (split == "tune") & has
# fitted on standardised features (so the penalty treats every feature alike), then folded back
# into weights over the raw features, which is what CitationFinder computes
mean = X[train].mean(axis=0)
scale = X[train].std(axis=0)
scale[scale == 0] = 1
Z = np.hstack([np.ones((len(rows), 1)), (X - mean) / scale])
v = np.zeros(width + 1)
l2 = 0.01
for _ in range(20000):
    p = 1 / (1 + np.exp(-Z[train] @ v))
    grad = Z[train].T @ (p - labels[train]) / train.sum() + l2 * np.r_[0, v[1:]]
    v -= 0.5 * grad
w = np.r_[v[0] - (v[1:] * mean / scale).sum(), v[1:] / scale]
Xb = np.hstack([np.ones((len(rows), 1)), X])


def pr(mask, t):
    score = np.where(has, 1 / (1 + np.exp(-Xb @ w)), 0)
    cited = (score >= t) & mask
    tp = (cited & (labels == 1)).sum()
    fp = (cited & (labels == 0)).sum()
    pos = ((labels == 1) & mask).sum()
    return tp / max(1, tp + fp), tp / max(1, pos)


tune, report = split == "tune", split == "report"
floor = float(sys.argv[2]) if len(sys.argv) > 2 else 0.85
best = None
for t in np.arange(0.05, 0.96, 0.01):
    p, r = pr(tune, t)
    key = (p >= floor, r if p >= floor else 1.25 * p * r / max(1e-9, 0.25 * p + r))
    if best is None or key > best[0]:
        best = (key, t)
t = best[1]
print("MODEL = {" + ", ".join("%.4f" % x for x in w) + "}")
print("threshold %.2f" % t)
for name, mask in (("tune", tune), ("report", report)):
    p, r = pr(mask, t)
    print("%s P %.3f R %.3f" % (name, p, r))
for t2 in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
    print("at %.1f: tune P %.3f R %.3f | report P %.3f R %.3f" % ((t2,) + pr(tune, t2) + pr(report, t2)))
