"""Generates the model-linkage sample's training deliveries (canonical JSON Lines, lidar cuboids).

Fixed seed: running it again writes the same files. Each delivery has 16 sweeps with a gold key on every sweep and
two annotators; each annotator misses a gold object with its class's miss rate for that delivery. Deliveries d05 and
d06 come from a new labeling team that misses pedestrians far more often (the cause the comparison should find).
"""
import json
import math
import random

random.seed(2042)

SIZES = {  # length, width, height, z
    "car": (4.5, 1.9, 1.6, -0.9),
    "truck": (8.0, 2.5, 3.2, -0.1),
    "pedestrian": (0.7, 0.7, 1.75, -0.825),
    "cyclist": (1.8, 0.6, 1.7, -0.85),
}
PER_SWEEP = {"car": 3, "truck": 1, "pedestrian": 3, "cyclist": 1}
GOOD = {"car": 0.03, "truck": 0.03, "pedestrian": 0.04, "cyclist": 0.04}
LOOSE_PEDESTRIANS = dict(GOOD, pedestrian=0.30)
DELIVERIES = [
    ("lidar-d01", GOOD), ("lidar-d02", GOOD), ("lidar-d03", GOOD), ("lidar-d04", GOOD),
    ("lidar-d05", LOOSE_PEDESTRIANS), ("lidar-d06", LOOSE_PEDESTRIANS), ("lidar-d07", GOOD),
]
SWEEPS = 16


def cuboid(label, x, y, yaw, jitter):
    length, width, height, z = SIZES[label]
    j = (lambda s: random.uniform(-s, s)) if jitter else (lambda s: 0.0)
    return {"type": "cuboid", "x": round(x + j(0.05), 3), "y": round(y + j(0.05), 3), "z": round(z + j(0.02), 3),
            "length": round(length * (1 + j(0.01)), 3), "width": round(width * (1 + j(0.01)), 3),
            "height": round(height * (1 + j(0.01)), 3), "yaw": round(yaw + j(0.02), 3)}


for delivery, miss in DELIVERIES:
    lines = [{"format": "serverless-quality.canonical", "version": 1, "deliveryId": delivery, "pipeline": "front-lidar-cuboids",
              "vendor": "acme-labeling", "taxonomy": {"name": "driving", "version": "2.0.0"}, "dataTypes": ["cuboids-3d"],
              "fields": {"occlusion": {"level": "ordinal", "values": ["0", "1", "2"]}}}]
    for s in range(1, SWEEPS + 1):
        item = f"sweep-{s:04d}"
        objects = []
        for label, count in PER_SWEEP.items():
            for _ in range(count):
                # Objects far enough apart that no two overlap.
                while True:
                    x, y = random.uniform(-45, 45), random.uniform(-25, 25)
                    if all(math.hypot(x - ox, y - oy) > 6 for _, ox, oy, _, _ in objects):
                        break
                objects.append((label, x, y, random.uniform(-math.pi, math.pi), random.choice("0012")))
        for k, (label, x, y, yaw, occlusion) in enumerate(objects):
            lines.append({"item": item, "annotator": "gold-key", "role": "gold", "id": f"gold-key-{s}-{k}", "label": label,
                          "geometry": cuboid(label, x, y, yaw, False), "attributes": {"occlusion": occlusion}})
        for annotator in ("ann-01", "ann-02"):
            for k, (label, x, y, yaw, occlusion) in enumerate(objects):
                if random.random() < miss[label]:
                    continue
                lines.append({"item": item, "annotator": annotator, "role": "annotator", "id": f"{annotator}-{s}-{k}", "label": label,
                              "geometry": cuboid(label, x, y, yaw, True),
                              "attributes": {"occlusion": occlusion if random.random() < 0.9 else random.choice("012")}})
    with open(f"deliveries/{delivery}.jsonl", "w", encoding="utf-8") as out:
        for line in lines:
            out.write(json.dumps(line, separators=(",", ":")) + "\n")
