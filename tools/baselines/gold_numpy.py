#!/usr/bin/python3
"""Gold audit of a nuScenes-style delivery with numpy-vectorised rotated-rectangle IoU (no shapely).

The same reading, matching and counts as gold_shapely.py; only the IoU differs: every pair of a frame at once. The
intersection of two convex quadrilaterals is the convex polygon of the corners of each inside the other and the 16
edge-edge crossings; its vertices are sorted by angle about their mean and the area is the shoelace sum.

Usage: /usr/bin/python3 tools/baselines/gold_numpy.py DELIVERY/manifest.json [--iou 0.5]
"""
import numpy as np

from gold_shapely import corners, main


def inside(points, quads):
    """points (n, m, k, 2) inside the convex quads (n, m, 4, 2), counter-clockwise: on the left of every edge."""
    edges = np.roll(quads, -1, axis=2) - quads
    rel = points[:, :, :, None, :] - quads[:, :, None, :, :]
    cross = edges[:, :, None, :, 0] * rel[..., 1] - edges[:, :, None, :, 1] * rel[..., 0]
    return np.all(cross >= -1e-9, axis=3)


def iou_matrix(a, b):
    n, m = len(a), len(b)
    if n == 0 or m == 0:
        return np.zeros((n, m))
    ca = np.broadcast_to(corners(a)[:, None], (n, m, 4, 2))
    cb = np.broadcast_to(corners(b)[None, :], (n, m, 4, 2))
    # Edge-edge crossings: p + t r = q + u s with t, u in [0, 1].
    p, r = ca[:, :, :, None, :], (np.roll(ca, -1, axis=2) - ca)[:, :, :, None, :]
    q, s = cb[:, :, None, :, :], (np.roll(cb, -1, axis=2) - cb)[:, :, None, :, :]
    denom = r[..., 0] * s[..., 1] - r[..., 1] * s[..., 0]
    qp = q - p
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (qp[..., 0] * s[..., 1] - qp[..., 1] * s[..., 0]) / denom
        u = (qp[..., 0] * r[..., 1] - qp[..., 1] * r[..., 0]) / denom
    crossing = (denom != 0) & (t >= 0) & (t <= 1) & (u >= 0) & (u <= 1)
    crossings = (p + t[..., None] * r).reshape(n, m, 16, 2)
    points = np.concatenate([ca, cb, crossings], axis=2)
    valid = np.concatenate([inside(ca, cb), inside(cb, ca), crossing.reshape(n, m, 16)], axis=2)
    count = valid.sum(axis=2)
    centre = np.where(valid[..., None], points, 0).sum(axis=2) / np.maximum(count, 1)[..., None]
    angle = np.where(valid, np.arctan2(points[..., 1] - centre[..., None, 1], points[..., 0] - centre[..., None, 0]), np.inf)
    order = np.argsort(angle, axis=2)
    ordered = np.take_along_axis(points, order[..., None], axis=2)
    # Invalid slots (sorted last) repeat the first vertex, so they add nothing to the shoelace sum.
    ordered = np.where((np.arange(24) < count[..., None])[..., None], ordered, ordered[:, :, :1, :])
    nxt = np.roll(ordered, -1, axis=2)
    inter = 0.5 * np.abs((ordered[..., 0] * nxt[..., 1] - ordered[..., 1] * nxt[..., 0]).sum(axis=2))
    inter = np.where(count >= 3, inter, 0.0)
    area_a, area_b = a[:, 2] * a[:, 3], b[:, 2] * b[:, 3]
    return inter / (area_a[:, None] + area_b[None, :] - inter)


if __name__ == "__main__":
    main(iou_matrix)
