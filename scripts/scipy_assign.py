"""Times scipy's linear_sum_assignment on a cost matrix exported by salesdesk and checks that it
finds the same optimum.

Usage: python3 scripts/scipy_assign.py target/bench-data/assign-2000x50.csv [EXPECTED_TOTAL]

The CSV is `salesdesk report assign --export-costs` format: first column task id, header rep
ids, one row per task (empty where the rep may not take the task), then a `capacity` row. Each
rep becomes `capacity` identical columns (slots); forbidden entries become a cost far above any
real one, so scipy leaves them out whenever a full assignment exists.
"""

import csv
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment


def load(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, body, capacity = rows[0], rows[1:-1], rows[-1]
    assert header[0] == "task_id" and capacity[0] == "capacity"
    caps = [int(c) for c in capacity[1:]]
    costs = np.array(
        [[float(c) if c != "" else np.nan for c in row[1:]] for row in body], dtype=float
    )
    return costs, caps


def main():
    costs, caps = load(sys.argv[1])
    forbidden = np.isnan(costs)
    big = 1e6 * (np.nanmax(costs) + 1)
    slots = np.repeat(np.where(forbidden, big, costs), caps, axis=1)
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        rows, cols = linear_sum_assignment(slots)
        timings.append(time.perf_counter() - start)
    total = slots[rows, cols].sum()
    assert not (slots[rows, cols] >= big).any(), "scipy needed a forbidden entry"
    print(f"{costs.shape[0]} tasks x {costs.shape[1]} reps -> {slots.shape[1]} slots")
    print(f"scipy linear_sum_assignment: best {min(timings) * 1000:.1f} ms, "
          f"median {sorted(timings)[2] * 1000:.1f} ms of 5 runs; total {total:.6f}")
    if len(sys.argv) > 2:
        expected = float(open(sys.argv[2]).read())
        print(f"salesdesk total {expected:.6f}; difference {total - expected:+.2e}")
        assert abs(total - expected) < 1e-6, "different optimum"


if __name__ == "__main__":
    main()
