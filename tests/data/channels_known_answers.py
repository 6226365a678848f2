"""Known answers for the channel response-curve fits (tests/channel_fits.rs).

Run from the repository root:  python3 tests/data/channels_known_answers.py
(numpy 2.4.6, scipy 1.17.1). Writes tests/data/channels_known_answers.json: noisy monthly
(spend, revenue) data for two channels and, for each, both families fitted by least squares
(log: numpy.linalg.lstsq; saturating: scipy.optimize.curve_fit, Levenberg-Marquardt, tight
tolerances) with R^2, residual standard error sqrt(RSS/(n-2)) and AIC = n ln(RSS/n) + 2*3.
"""
import json

import numpy as np
from scipy.optimize import curve_fit

rng = np.random.default_rng(20261126)


def log_curve(s, a, b):
    return a + b * np.log(s)


def sat_curve(s, c, k):
    return c * (1.0 - np.exp(-s / k))


def measure(y, fitted):
    rss = float(np.sum((y - fitted) ** 2))
    tss = float(np.sum((y - y.mean()) ** 2))
    n = len(y)
    return {
        "r_squared": 1.0 - rss / tss,
        "residual_se": float(np.sqrt(rss / (n - 2))),
        "aic": n * float(np.log(rss / n)) + 2.0 * 3.0,
    }


def fit_both(spend, revenue):
    x = np.column_stack([np.ones_like(spend), np.log(spend)])
    (a, b), *_ = np.linalg.lstsq(x, revenue, rcond=None)
    (c, k), _ = curve_fit(
        sat_curve, spend, revenue, p0=[revenue.max() * 1.5, spend.mean()],
        method="lm", xtol=1e-15, ftol=1e-15, gtol=1e-15, maxfev=100000,
    )
    return {
        "log": {"a": float(a), "b": float(b), **measure(revenue, log_curve(spend, a, b))},
        "saturating": {"c": float(c), "k": float(k), **measure(revenue, sat_curve(spend, c, k))},
    }


channels = []
for name, truth in [
    ("log-like", lambda s: -150_000.0 + 25_000.0 * np.log(s)),
    ("saturating", lambda s: 180_000.0 * (1.0 - np.exp(-s / 15_000.0))),
]:
    spend = np.round(rng.lognormal(np.log(12_000.0), 0.5, size=24) / 100.0) * 100.0
    revenue = np.round(truth(spend) * (1.0 + 0.06 * rng.standard_normal(24)), 2)
    channels.append({
        "name": name,
        "spend": spend.tolist(),
        "revenue": revenue.tolist(),
        **fit_both(spend, revenue),
    })

with open("tests/data/channels_known_answers.json", "w") as f:
    json.dump({"channels": channels}, f, indent=1)
    f.write("\n")
