"""scikit-learn 1.2.1's answers where a component dies, and its tied start from single rows.

Run with Debian's python3-sklearn (1.2.1): /usr/bin/python3 make_recipe_fixtures.py
Writes dead-component-<type>.json and tied-single-rows.json beside this script.
"""
import json
import os

import numpy as np
from sklearn.mixture import GaussianMixture
from sklearn.mixture._base import BaseMixture

HERE = os.path.dirname(os.path.abspath(__file__))


def dead_component_data():
    """Two groups off the origin and 30 rows exactly at the origin (they belong to nobody at first)."""
    rng = np.random.RandomState(0)
    a = rng.normal([6.0, 6.0], 1.0, size=(120, 2))
    b = rng.normal([-6.0, 6.0], 1.0, size=(120, 2))
    origin = np.zeros((30, 2))
    return np.vstack([a, b, origin])


def precisions_for(cov_type, k, d, value):
    if cov_type == "full":
        return np.array([np.eye(d) * value for _ in range(k)])
    if cov_type == "tied":
        return np.eye(d) * value
    if cov_type == "diag":
        return np.full((k, d), value)
    return np.full(k, value)


def dead_component(cov_type):
    x = dead_component_data()
    k, d = 3, 2
    # the third component starts far from every row: its responsibilities underflow to 0, and
    # scikit-learn's mean sum(r x) / (N + 10 eps) parks it at the origin, where it revives
    start = {
        "weights": [0.45, 0.45, 0.10],
        "means": [[6.0, 6.0], [-6.0, 6.0], [1000.0, 1000.0]],
        "precisions": precisions_for(cov_type, k, d, 1.0).tolist(),
    }
    gm = GaussianMixture(n_components=k, covariance_type=cov_type, tol=1e-10, max_iter=200, reg_covar=1e-6,
                         weights_init=start["weights"], means_init=start["means"],
                         precisions_init=np.array(start["precisions"]), random_state=0)
    gm.fit(x)
    return {
        "generator": "make_recipe_fixtures.py, scikit-learn 1.2.1",
        "covariance_type": cov_type, "n_components": k, "reg_covar": 1e-6, "tol": 1e-10, "max_iter": 200,
        "data": x.tolist(), "start": start,
        "weights": gm.weights_.tolist(), "means": gm.means_.tolist(), "covariances": gm.covariances_.tolist(),
        "lower_bound": gm.lower_bound_, "n_iter": int(gm.n_iter_), "converged": bool(gm.converged_),
    }


def tied_single_rows():
    """The tied covariance scikit-learn's _initialize makes from one-hot rows (k-means++ and
    random_from_data starts): (X^T X - sum_k n_k mu_k mu_k^T) / sum_k n_k over all rows."""
    rng = np.random.RandomState(1)
    x = rng.normal(0.0, 1.0, size=(40, 3)) + np.array([3.0, -1.0, 0.5])
    rows = [3, 17, 29]
    resp = np.zeros((x.shape[0], len(rows)))
    resp[rows, np.arange(len(rows))] = 1
    gm = GaussianMixture(n_components=len(rows), covariance_type="tied", reg_covar=1e-6)
    gm._initialize(x, resp)
    return {
        "generator": "make_recipe_fixtures.py, scikit-learn 1.2.1 GaussianMixture._initialize",
        "data": x.tolist(), "rows": rows, "reg_covar": 1e-6,
        "weights": gm.weights_.tolist(), "means": gm.means_.tolist(), "covariances": gm.covariances_.tolist(),
    }


for cov_type in ["full", "tied", "diag", "spherical"]:
    with open(os.path.join(HERE, "dead-component-%s.json" % cov_type), "w") as f:
        json.dump(dead_component(cov_type), f)
with open(os.path.join(HERE, "tied-single-rows.json"), "w") as f:
    json.dump(tied_single_rows(), f)
