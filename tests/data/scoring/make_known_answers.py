"""Known answers for tests/scoring_known_answers.rs, computed once and committed.

Run from this folder:  python3 make_known_answers.py
Writes logistic.csv (raw features: x1, x2 numeric; tier categorical with levels a < b < c;
label y) and logistic_known.json (coefficients keyed by design-column name for λ = 0 from
statsmodels Logit and for λ = 1 from scikit-learn LogisticRegression(C=1), whose intercept is not
penalised). The design is salesdesk's: numerics standardised by the training mean and population
standard deviation, tier one-hot with level a dropped, an intercept column.
"""
import json

import numpy as np
import pandas as pd
import sklearn
import statsmodels
import statsmodels.api as sm
from sklearn.linear_model import LogisticRegression

rng = np.random.default_rng(20261127)
n = 400
x1 = rng.normal(50.0, 12.0, n).round(3)
x2 = rng.exponential(3.0, n).round(3)
tier = rng.choice(["a", "b", "c"], n, p=[0.5, 0.3, 0.2])
z = -0.4 + 0.05 * (x1 - 50) - 0.3 * x2 + np.where(tier == "b", 0.8, 0) + np.where(tier == "c", -0.6, 0)
y = (rng.random(n) < 1 / (1 + np.exp(-z))).astype(int)
pd.DataFrame({"x1": x1, "x2": x2, "tier": tier, "y": y}).to_csv("logistic.csv", index=False)

design = pd.DataFrame({
    "x1": (x1 - x1.mean()) / x1.std(ddof=0),
    "x2": (x2 - x2.mean()) / x2.std(ddof=0),
    "tier=b": (tier == "b").astype(float),
    "tier=c": (tier == "c").astype(float),
})
names = ["intercept"] + list(design.columns)

unpenalised = sm.Logit(y, sm.add_constant(design.to_numpy())).fit(method="newton", tol=1e-14, maxiter=100, disp=0)
penalised = LogisticRegression(C=1.0, tol=1e-12, max_iter=100_000).fit(design.to_numpy(), y)

known = {
    "versions": {"statsmodels": statsmodels.__version__, "scikit-learn": sklearn.__version__, "numpy": np.__version__},
    "lambda_0": dict(zip(names, map(float, unpenalised.params))),
    "lambda_1": dict(zip(names, [float(penalised.intercept_[0])] + list(map(float, penalised.coef_[0])))),
}
with open("logistic_known.json", "w") as f:
    json.dump(known, f, indent=2)
    f.write("\n")
print(json.dumps(known, indent=2))
