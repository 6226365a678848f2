"""Times scikit-learn's lbfgs logistic regression on a design exported by salesdesk and compares
its coefficients with the ones salesdesk reported.

Usage: python3 scripts/sklearn_logistic.py DESIGN.csv [REPORT.json] [LAMBDA]

DESIGN.csv is `salesdesk report scoring --export-design DIR` output (win_design.csv or
propensity_design.csv): the `intercept` column, the standardised and one-hot columns, then `y`.
scikit-learn fits its own unpenalised intercept, so the `intercept` column is left out and
C = 1 / λ (λ defaults to 1). With REPORT.json (the `--json` report of the same run) it prints the
largest coefficient difference from salesdesk's win-probability model.
"""

import json
import sys
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import LogisticRegression


def main():
    design = pd.read_csv(sys.argv[1])
    report = json.load(open(sys.argv[2])) if len(sys.argv) > 2 else None
    lam = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
    names = [c for c in design.columns if c != "y"]
    x = design.drop(columns=["intercept", "y"]).to_numpy()
    y = design["y"].to_numpy()
    times = []
    for _ in range(3):
        started = time.perf_counter()
        model = LogisticRegression(C=1.0 / lam, solver="lbfgs", tol=1e-8, max_iter=10_000).fit(x, y)
        times.append(time.perf_counter() - started)
    print(f"scikit-learn {sklearn.__version__}: {x.shape[0]} rows x {len(names)} columns, "
          f"{model.n_iter_[0]} iterations, best {min(times):.2f}s, median {sorted(times)[1]:.2f}s of 3")
    if report:
        ours = report["win_probability"]["model"]["coefficients"]
        theirs = dict(zip(names, [model.intercept_[0], *model.coef_[0]]))
        worst = max(names, key=lambda n: abs(ours[n] - theirs[n]))
        print(f"largest coefficient difference: {worst} {ours[worst]:.6f} vs {theirs[worst]:.6f}")


if __name__ == "__main__":
    main()
