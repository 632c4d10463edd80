#!/usr/bin/python3
"""Gold audit of a nuScenes-style delivery as a data scientist would write it: shapely polygons.

Reads the manifest's files (gold + annotators, sample_annotation arrays) with json.load, groups boxes by sample_token,
computes bird's-eye-view IoU of every annotator's boxes against gold and of every annotator pair (shapely polygons,
an axis-aligned bounding-box test first so that far-apart pairs are not intersected), matches one-to-one with
scipy's linear_sum_assignment (maximum total IoU over pairs with IoU >= 0.5), and prints per annotator tp,
misclassified, fn and fp against gold and per annotator pair the matches, as JSON.

Usage: /usr/bin/python3 tools/baselines/gold_shapely.py DELIVERY/manifest.json [--iou 0.5]
Debian packages: python3-numpy python3-scipy python3-shapely (the benchmark: dotnet Quality.Benchmarks.dll e2e-gold).
"""
import collections
import itertools
import json
import math
import os
import sys

import numpy as np
from scipy.optimize import linear_sum_assignment
from shapely.geometry import Polygon


def read_delivery(manifest_path):
    """{annotator: {sample_token: [box, ...]}} with gold under 'gold', as the manifest names the files."""
    with open(manifest_path) as f:
        manifest = json.load(f)
    folder = os.path.dirname(manifest_path)
    boxes = {}
    for entry in manifest["files"]:
        who = "gold" if entry.get("role") == "gold" else entry["annotator"]
        with open(os.path.join(folder, entry["path"])) as f:
            records = json.load(f)
        frames = collections.defaultdict(list)
        for r in records:
            frames[r["sample_token"]].append(r)
        boxes[who] = frames
    return boxes


def bev(records):
    """Centre x, y, width, length and yaw of each box (nuScenes: size = [w, l, h], rotation = [w, x, y, z])."""
    out = np.empty((len(records), 5))
    for k, r in enumerate(records):
        qw, qx, qy, qz = r["rotation"]
        out[k] = (r["translation"][0], r["translation"][1], r["size"][0], r["size"][1],
                  math.atan2(2 * (qw * qz + qx * qy), 1 - 2 * (qy * qy + qz * qz)))
    return out


def corners(b):
    """The 4 footprint corners of each box, shape (n, 4, 2): length along the heading, width across it."""
    c, s = np.cos(b[:, 4]), np.sin(b[:, 4])
    hl, hw = b[:, 3] / 2, b[:, 2] / 2
    dx = np.stack([hl, -hl, -hl, hl], axis=1)
    dy = np.stack([hw, hw, -hw, -hw], axis=1)
    return np.stack([b[:, None, 0] + dx * c[:, None] - dy * s[:, None], b[:, None, 1] + dx * s[:, None] + dy * c[:, None]], axis=2)


def close_pairs(a, b):
    """Corners of both sides and the (i, j) pairs whose axis-aligned bounding boxes overlap: the only ones with IoU > 0."""
    ca, cb = corners(a), corners(b)
    lo_a, hi_a, lo_b, hi_b = ca.min(axis=1), ca.max(axis=1), cb.min(axis=1), cb.max(axis=1)
    close = np.all((lo_a[:, None, :] <= hi_b[None, :, :]) & (lo_b[None, :, :] <= hi_a[:, None, :]), axis=2)
    return ca, cb, np.nonzero(close)


def iou_matrix(a, b):
    """BEV IoU of every pair: shapely intersections for the pairs whose bounding boxes overlap, 0 for the others."""
    ca, cb, (rows, cols) = close_pairs(a, b)
    pa, pb = [Polygon(p) for p in ca], [Polygon(p) for p in cb]
    iou = np.zeros((len(a), len(b)))
    for i, j in zip(rows, cols):
        inter = pa[i].intersection(pb[j]).area
        iou[i, j] = inter / (pa[i].area + pb[j].area - inter)
    return iou


def match(iou, threshold):
    """Maximum-total-IoU one-to-one matching among pairs with IoU >= threshold: [(i, j), ...]."""
    if iou.size == 0:
        return []
    eligible = np.where(iou >= threshold, iou, 0.0)
    rows, cols = linear_sum_assignment(eligible, maximize=True)
    return [(i, j) for i, j in zip(rows, cols) if eligible[i, j] > 0]


def audit(boxes, iou_of, threshold):
    geometry = {who: {sample: bev(records) for sample, records in frames.items()} for who, frames in boxes.items()}
    gold = boxes.pop("gold")
    annotators = sorted(boxes)
    per_annotator = {}
    for who in annotators:
        counts = dict(tp=0, misclassified=0, fn=0, fp=0)
        for sample, labeled in boxes[who].items():
            reference = gold.get(sample)
            if reference is None:
                continue
            pairs = match(iou_of(geometry["gold"][sample], geometry[who][sample]), threshold)
            same = sum(reference[i]["category_name"] == labeled[j]["category_name"] for i, j in pairs)
            counts["tp"] += same
            counts["misclassified"] += len(pairs) - same
            counts["fn"] += len(reference) - len(pairs)
            counts["fp"] += len(labeled) - len(pairs)
        per_annotator[who] = counts
    pairwise = {}
    for a, b in itertools.combinations(annotators, 2):
        matches = 0
        for sample, first in boxes[a].items():
            second = boxes[b].get(sample)
            if second is not None:
                matches += len(match(iou_of(geometry[a][sample], geometry[b][sample]), threshold))
        pairwise[a + "|" + b] = matches
    return {"perAnnotator": per_annotator, "pairwise": pairwise}


def main(iou_of):
    args = sys.argv[1:]
    threshold = float(args[args.index("--iou") + 1]) if "--iou" in args else 0.5
    print(json.dumps(audit(read_delivery(args[0]), iou_of, threshold), indent=1, sort_keys=True))


if __name__ == "__main__":
    main(iou_matrix)
