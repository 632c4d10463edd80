#!/usr/bin/python3
"""Nominal Krippendorff's alpha of a units x coders table, as a data scientist would compute it with numpy.

Usage: /usr/bin/python3 alpha_numpy.py TABLE.csv [--bootstrap B] [--seed S]

TABLE.csv is the wide layout: a header naming the unit column and then the coders (item_id,a1,a2,...), one row per
unit, each cell the category that coder gave the unit, an empty cell for a missing value. It is read with numpy's C
reader (np.loadtxt, dtype=str), the categories coded with np.unique, the per-unit category counts built with one
np.bincount, and alpha computed from the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
Alpha-Reliability"):

    o_ck = sum_u (n_uc * n_uk - [c == k] * n_uc) / (m_u - 1)     over units with m_u >= 2 values
    n_c = sum_k o_ck, n = sum_c n_c
    alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c * n_k

Prints one JSON object: alpha, the pairable units and values, and the seconds spent reading and computing. With
--bootstrap B it also draws B replicates of the units (multinomial counts over units, numpy's default generator seeded
with --seed) and prints the 2.5% and 97.5% percentiles of the replicates' alphas; the project's interval uses its own
generator, so the two intervals agree in distribution, not in their digits.
"""

import argparse
import json
import time

import numpy as np


def read_table(path):
    """The coders' names and a units x coders array of category codes, -1 where a value is missing; and the labels."""
    with open(path, encoding="utf-8") as f:
        coders = f.readline().rstrip("\r\n").split(",")[1:]
    cells = np.loadtxt(path, delimiter=",", skiprows=1, usecols=range(1, len(coders) + 1), dtype=str, comments=None)
    labels, codes = np.unique(cells, return_inverse=True)
    codes = codes.reshape(cells.shape)
    if labels[0] == "":  # the empty string sorts first: the missing values
        labels, codes = labels[1:], codes - 1
    return coders, labels, codes


def unit_counts(codes, categories):
    """n_uc: how many coders gave unit u category c (units x categories)."""
    units = np.repeat(np.arange(codes.shape[0]), codes.shape[1])
    flat = codes.ravel()
    present = flat >= 0
    counts = np.bincount(units[present] * categories + flat[present], minlength=codes.shape[0] * categories)
    return counts.reshape(codes.shape[0], categories)


def coincidences(counts, weights=None):
    """The coincidence matrix o_ck over the pairable units (m_u >= 2), each unit weighted (bootstrap) or once."""
    m = counts.sum(axis=1)
    scale = np.where(m >= 2, 1.0 / np.maximum(m - 1, 1), 0.0)
    if weights is not None:
        scale = scale * weights
    o = (counts * scale[:, None]).T @ counts
    o -= np.diag((counts * scale[:, None]).sum(axis=0))
    return o


def alpha_nominal(o):
    n_c = o.sum(axis=1)
    n = n_c.sum()
    observed = o.sum() - np.trace(o)
    expected = n * n - (n_c * n_c).sum()
    return 1.0 - (n - 1) * observed / expected if expected > 0 else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("table")
    parser.add_argument("--bootstrap", type=int, default=0, help="replicates of a unit bootstrap (0: none)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    start = time.perf_counter()
    coders, labels, codes = read_table(args.table)
    read = time.perf_counter()
    counts = unit_counts(codes, len(labels))
    o = coincidences(counts)
    alpha = alpha_nominal(o)
    m = counts.sum(axis=1)
    pairable = m >= 2
    result = {
        "alpha": alpha,
        "coders": len(coders),
        "categories": len(labels),
        "units": int(codes.shape[0]),
        "pairableUnits": int(pairable.sum()),
        "pairableValues": int(m[pairable].sum()),
    }
    if args.bootstrap > 0:
        # Replicates resample the pairable units with replacement: multinomial counts of how often each unit is drawn.
        rng = np.random.default_rng(args.seed)
        kept = counts[pairable]
        draws = np.full(len(kept), 1.0 / len(kept))
        replicates = np.array([alpha_nominal(coincidences(kept, rng.multinomial(len(kept), draws))) for _ in range(args.bootstrap)])
        lower, upper = np.percentile(replicates[~np.isnan(replicates)], [2.5, 97.5])
        result["ci95"] = [lower, upper]
    done = time.perf_counter()
    result["seconds"] = {"read": read - start, "compute": done - read}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
