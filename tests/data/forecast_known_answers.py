"""Known answers for tests/forecast_known_answers.rs, computed once with statsmodels OLS.

Run:  pip install statsmodels && python3 tests/data/forecast_known_answers.py > tests/data/forecast_known_answers.json

Two fixed series (values in cents):
  trend:    10 months from 2024-03, trend only (y = b0 + b1 t), horizon 6;
  seasonal: 36 months from 2023-01, trend + 11 month-of-year dummies (January the base), horizon 6.
For each: the design column names, coefficients, standard errors, s^2 (scale), R^2, adjusted R^2,
df, and per forecast step the mean and the 80% and 95% prediction intervals
(summary_frame's obs_ci_lower/obs_ci_upper: mean -/+ t(df, 1-a/2) sqrt(se_mean^2 + s^2)).
"""

import json

import numpy as np
import statsmodels
import statsmodels.api as sm

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def design(n_rows, t0, first_month, seasonal):
    """Rows t0..t0+n_rows-1 (1-based t); first_month is the calendar month (1..12) of t = 1."""
    rows = []
    for t in range(t0, t0 + n_rows):
        row = [1.0, float(t)]
        if seasonal:
            month = (first_month - 1 + t - 1) % 12 + 1
            row += [1.0 if month == m else 0.0 for m in range(2, 13)]
        rows.append(row)
    return np.array(rows)


def case(name, first, first_month, y, seasonal, horizon):
    y = np.array(y, dtype=float)
    n = len(y)
    x = design(n, 1, first_month, seasonal)
    fit = sm.OLS(y, x).fit()
    x0 = design(horizon, n + 1, first_month, seasonal)
    pred = fit.get_prediction(x0)
    f80 = pred.summary_frame(alpha=0.20)
    f95 = pred.summary_frame(alpha=0.05)
    columns = ["const", "t"] + (MONTHS[1:] if seasonal else [])
    return {
        "name": name,
        "first_month": first,
        "values": y.tolist(),
        "columns": columns,
        "coefficients": fit.params.tolist(),
        "standard_errors": fit.bse.tolist(),
        "s2": float(fit.scale),
        "r2": float(fit.rsquared),
        "adj_r2": float(fit.rsquared_adj),
        "df": float(fit.df_resid),
        "forecast": [
            {
                "h": h + 1,
                "mean": float(f80["mean"].iloc[h]),
                "pi80_lo": float(f80["obs_ci_lower"].iloc[h]),
                "pi80_hi": float(f80["obs_ci_upper"].iloc[h]),
                "pi95_lo": float(f95["obs_ci_lower"].iloc[h]),
                "pi95_hi": float(f95["obs_ci_upper"].iloc[h]),
            }
            for h in range(horizon)
        ],
    }


trend = [412000, 455500, 430250, 498000, 521700, 507300, 560900, 549000, 601250, 633400]

seasonal_shape = [-90, -60, 10, 25, 40, 55, 30, -10, 20, 35, 80, 140]
noise = [13, -7, 21, -18, 4, 9, -25, 16, -3, 11, -14, 6,
         -9, 18, -2, 7, -21, 12, 5, -16, 23, -4, 8, -11,
         15, -6, -19, 10, 2, -13, 17, -8, -1, 22, -15, 3]
seasonal = [100000 + 1800 * t + 1000 * seasonal_shape[(t - 1) % 12] + 1000 * noise[t - 1]
            for t in range(1, 37)]

print(json.dumps({
    "made_with": f"statsmodels {statsmodels.__version__}, numpy {np.__version__}",
    "cases": [
        case("trend", "2024-03", 3, trend, False, 6),
        case("seasonal", "2023-01", 1, seasonal, True, 6),
    ],
}, indent=2))
