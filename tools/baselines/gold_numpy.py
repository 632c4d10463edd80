#!/usr/bin/python3
"""Gold audit of a nuScenes-style delivery with numpy-vectorised rotated-rectangle IoU (no shapely).

The same reading, matching and counts as gold_shapely.py; only the IoU differs: all the close pairs of a frame at once. The
intersection of two convex quadrilaterals is the convex polygon of the corners of each inside the other and the 16
edge-edge crossings; its vertices are sorted by angle about their mean and the area is the shoelace sum.

Usage: /usr/bin/python3 tools/baselines/gold_numpy.py DELIVERY/manifest.json [--iou 0.5]
"""
import numpy as np

from gold_shapely import close_pairs, main


def inside(points, quads):
    """points (k, p, 2) inside the convex quads (k, 4, 2), counter-clockwise: on the left of every edge."""
    edges = np.roll(quads, -1, axis=1) - quads
    rel = points[:, :, None, :] - quads[:, None, :, :]
    cross = edges[:, None, :, 0] * rel[..., 1] - edges[:, None, :, 1] * rel[..., 0]
    return np.all(cross >= -1e-9, axis=2)


def intersection_area(ca, cb):
    """Area of the intersection of the quads ca[k] and cb[k], shape (k,)."""
    k = len(ca)
    # Edge-edge crossings: p + t r = q + u s with t, u in [0, 1].
    p, r = ca[:, :, None, :], (np.roll(ca, -1, axis=1) - ca)[:, :, None, :]
    q, s = cb[:, None, :, :], (np.roll(cb, -1, axis=1) - cb)[:, None, :, :]
    denom = r[..., 0] * s[..., 1] - r[..., 1] * s[..., 0]
    qp = q - p
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (qp[..., 0] * s[..., 1] - qp[..., 1] * s[..., 0]) / denom
        u = (qp[..., 0] * r[..., 1] - qp[..., 1] * r[..., 0]) / denom
    crossing = (denom != 0) & (t >= 0) & (t <= 1) & (u >= 0) & (u <= 1)
    crossings = (p + t[..., None] * r).reshape(k, 16, 2)
    points = np.concatenate([ca, cb, crossings], axis=1)
    valid = np.concatenate([inside(ca, cb), inside(cb, ca), crossing.reshape(k, 16)], axis=1)
    count = valid.sum(axis=1)
    centre = np.where(valid[..., None], points, 0).sum(axis=1) / np.maximum(count, 1)[:, None]
    angle = np.where(valid, np.arctan2(points[..., 1] - centre[:, None, 1], points[..., 0] - centre[:, None, 0]), np.inf)
    ordered = np.take_along_axis(points, np.argsort(angle, axis=1)[..., None], axis=1)
    # Invalid slots (sorted last) repeat the first vertex, so they add nothing to the shoelace sum.
    ordered = np.where((np.arange(24) < count[:, None])[..., None], ordered, ordered[:, :1, :])
    nxt = np.roll(ordered, -1, axis=1)
    area = 0.5 * np.abs((ordered[..., 0] * nxt[..., 1] - ordered[..., 1] * nxt[..., 0]).sum(axis=1))
    return np.where(count >= 3, area, 0.0)


def iou_matrix(a, b):
    """BEV IoU of every pair, the pairs whose bounding boxes overlap computed at once, 0 for the others."""
    ca, cb, (rows, cols) = close_pairs(a, b)
    iou = np.zeros((len(a), len(b)))
    if len(rows):
        inter = intersection_area(ca[rows], cb[cols])
        iou[rows, cols] = inter / (a[rows, 2] * a[rows, 3] + b[cols, 2] * b[cols, 3] - inter)
    return iou


if __name__ == "__main__":
    main(iou_matrix)
