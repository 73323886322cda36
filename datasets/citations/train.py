#!/usr/bin/env python3
"""Fits the citation model (logistic regression) on the tune half of labels.jsonl.

    ./precis eval-citations --features > /tmp/features.tsv
    python3 datasets/citations/train.py /tmp/features.tsv [MIN_PRECISION]

Each labelled (sentence, article) pair is a bag of candidates: every sentence of the article that
shares two content words with the summary sentence, and adjacent pairs (lines: label, split, set,
bag number, features). CitationFinder judges every candidate and keeps the article's best, so the
model is fitted the same way (multiple-instance learning): each bag is represented by its
best-scoring candidate under the current model, the model is refitted on those, and this repeats
until the choice is stable (start: the candidate sharing the largest share of both sides' weight).

Prints the weights for CitationFinder.MODEL and the threshold with the highest tune recall at
tune precision >= MIN_PRECISION (default 0.85, the finder's precision before the model; else
the best F0.5; 0.95 gives the issue's operating point), with tune
and report precision/recall. numpy only; deterministic (full-batch gradient descent from zero on
standardised features, folded back into weights over the raw ones).
"""
import sys
from collections import OrderedDict

import numpy as np

bags = OrderedDict()
for line in open(sys.argv[1]):
    r = line.rstrip("\n").split("\t")
    b = bags.setdefault(int(r[3]), {"label": int(r[0]), "split": r[1], "set": r[2], "x": []})
    if len(r) > 4:
        b["x"].append([float(x) for x in r[4:]])
bags = list(bags.values())
for b in bags:
    b["x"] = np.array(b["x"]) if b["x"] else None
width = max(b["x"].shape[1] for b in bags if b["x"] is not None)
labels = np.array([b["label"] for b in bags])
split = np.array([b["split"] for b in bags])
has = np.array([b["x"] is not None for b in bags])
tune, report = split == "tune", split == "report"
train = tune & has


def fit(X, y, l2=0.01):
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1
    Z = np.hstack([np.ones((len(X), 1)), (X - mean) / scale])
    v = np.zeros(X.shape[1] + 1)
    for _ in range(20000):
        p = 1 / (1 + np.exp(-Z @ v))
        grad = Z.T @ (p - y) / len(y) + l2 * np.r_[0, v[1:]]
        v -= 0.5 * grad
    return np.r_[v[0] - (v[1:] * mean / scale).sum(), v[1:] / scale]


def best(b, w):
    if w is None:
        return int(np.argmax(b["x"][:, 0] + b["x"][:, 1]))
    return int(np.argmax(b["x"] @ w[1:]))


w = None
chosen = None
for _ in range(20):
    pick = [best(b, w) if b["x"] is not None else -1 for b in bags]
    if pick == chosen:
        break
    chosen = pick
    X = np.array([bags[i]["x"][chosen[i]] for i in range(len(bags)) if train[i]])
    w = fit(X, labels[train])
score = np.array(
    [0.0 if b["x"] is None else float(1 / (1 + np.exp(-(w[0] + (b["x"] @ w[1:]).max())))) for b in bags]
)


def pr(mask, t):
    cited = (score >= t) & mask
    tp = (cited & (labels == 1)).sum()
    fp = (cited & (labels == 0)).sum()
    pos = ((labels == 1) & mask).sum()
    return tp / max(1, tp + fp), tp / max(1, pos)


floor = float(sys.argv[2]) if len(sys.argv) > 2 else 0.85
top = None
for t in np.arange(0.05, 0.996, 0.005):
    p, r = pr(tune, t)
    key = (p >= floor, r if p >= floor else 1.25 * p * r / max(1e-9, 0.25 * p + r))
    if top is None or key > top[0]:
        top = (key, t)
t = top[1]
print("MODEL = {" + ", ".join("%.4f" % x for x in w) + "}")
print("threshold %.3f" % t)
for name, mask in (("tune", tune), ("report", report)):
    p, r = pr(mask, t)
    print("%s P %.3f R %.3f" % (name, p, r))
for t2 in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
    print("at %.1f: tune P %.3f R %.3f | report P %.3f R %.3f" % ((t2,) + pr(tune, t2) + pr(report, t2)))
