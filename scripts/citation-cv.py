#!/usr/bin/env python3
"""5-fold cross-validation of the citation model inside the tune half (README "Citations").

    ./precis eval-citations --features --split tune > /tmp/f.tsv
    scripts/citation-cv.py /tmp/f.tsv                # every feature
    scripts/citation-cv.py /tmp/f.tsv --drop=-1,-2   # without the last two feature columns

Fits the model as `eval-citations --train` does (multiple-instance: each labelled pair is the
bag of its candidates, represented by its best candidate under the current model, refitted until
the choice is stable; L2-regularised logistic regression on standardised features, Newton's
method) on four folds and scores the fifth. Folds are contiguous blocks of labelled pairs, so a
summary sentence's pairs stay together but at the four block edges. Prints the average precision
of the pooled out-of-fold bag scores and the recall at precision >= 0.95 and >= 0.90. Reads only
the file it is given (the tune half, if it was written with --split tune). Needs numpy.
"""
import argparse

import numpy as np

L2 = 0.01  # as CitationTraining.L2
FOLDS = 5


def read(path, drop):
    bags, labels = {}, {}
    with open(path) as f:
        for line in f:
            r = line.rstrip("\n").split("\t")
            b = int(r[3])
            labels[b] = int(r[0])
            bags.setdefault(b, [])
            if len(r) > 4:
                bags[b].append([float(x) for x in r[4:]])
    ids = sorted(bags)
    width = max(len(v[0]) for v in bags.values() if v)
    keep = [j for j in range(width) if j not in drop and j - width not in drop]
    x = [np.array(bags[b])[:, keep] if bags[b] else None for b in ids]
    return x, np.array([labels[b] for b in ids]), len(keep)


def logistic(x, y):
    mean = x.mean(0)
    scale = x.std(0)
    scale[scale < 1e-6] = 1
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    v = np.zeros(z.shape[1])
    for _ in range(100):
        p = 1 / (1 + np.exp(-z @ v))
        grad = z.T @ (p - y) / len(y)
        hess = (z * (p * (1 - p))[:, None]).T @ z / len(y)
        grad[1:] += L2 * v[1:]
        hess[1:, 1:] += L2 * np.eye(len(v) - 1)
        hess[0, 0] += 1e-9
        step = np.linalg.solve(hess, grad)
        v -= step
        if abs(step).max() < 1e-9:
            break
    w = v[1:] / scale
    return v[0] - (w * mean).sum(), w


def fit(bags, labels, rows):
    model, chosen = None, None
    for _ in range(20):
        pick = []
        for i in rows:
            c = bags[i]
            if c is None:
                pick.append(-1)
            else:
                s = c[:, 0] + c[:, 1] if model is None else c @ model[1]
                pick.append(int(np.argmax(s)))
        if pick == chosen:
            break
        chosen = pick
        use = [(i, k) for i, k in zip(rows, pick) if k >= 0]
        model = logistic(np.array([bags[i][k] for i, k in use]), np.array([labels[i] for i, _ in use]))
    return model


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("features", help="output of ./precis eval-citations --features --split tune")
    ap.add_argument("--drop", default="", help="feature columns to leave out, e.g. =-1,-2 or 23")
    a = ap.parse_args()
    drop = [int(x) for x in a.drop.split(",") if x]
    bags, labels, width = read(a.features, drop)
    n = len(bags)
    score = np.zeros(n)
    for fold in range(FOLDS):
        train = [i for i in range(n) if i * FOLDS // n != fold]
        bias, w = fit(bags, labels, train)
        for i in range(n):
            if i * FOLDS // n == fold:
                score[i] = -1e9 if bags[i] is None else (bags[i] @ w + bias).max()
    y = labels[np.argsort(-score)]
    hits = np.cumsum(y)
    precision = hits / np.arange(1, n + 1)
    recall = hits / labels.sum()
    ap_ = (precision * y).sum() / labels.sum()

    def at(p):
        ok = precision >= p
        return recall[ok].max() if ok.any() else 0.0

    print(f"features {width}  AP {ap_:.3f}  recall@P>=0.95 {at(0.95):.3f}  recall@P>=0.90 {at(0.90):.3f}")


if __name__ == "__main__":
    main()
