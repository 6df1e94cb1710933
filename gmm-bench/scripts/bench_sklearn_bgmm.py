#!/usr/bin/python3
"""scikit-learn's side of VariationalIterationBenchmark: BayesianGaussianMixture per iteration on a
kernel workload, from the same start (each row wholly to the nearest start mean of gen_data.py's
<W>.init.full.f64), tol 0, so seconds per iteration = (t(I2) - t(I1)) / (I2 - I1).

usage: bench_sklearn_bgmm.py W2|W3 full|diag [--i1 1] [--i2 11] [--reps 3]   (GMMBENCH_DATA = gen_data.py's folder)
Not run by the build: the lead runs it beside the JMH suite (DESIGN.md Decision 14).
"""
import argparse, os, time
import numpy as np
from sklearn.mixture import BayesianGaussianMixture

SHAPES = {"W2": (200_000, 16, 16), "W3": (1_000_000, 16, 16)}


class FromResponsibilities(BayesianGaussianMixture):
    def __init__(self, resp0=None, **kw):
        super().__init__(**kw)
        self.resp0 = resp0

    def _initialize_parameters(self, X, random_state):
        self._initialize(X, self.resp0)


def main():
    a = argparse.ArgumentParser()
    a.add_argument("workload"); a.add_argument("covariance")
    a.add_argument("--i1", type=int, default=1); a.add_argument("--i2", type=int, default=11)
    a.add_argument("--reps", type=int, default=3)
    o = a.parse_args()
    n, d, k = SHAPES[o.workload]
    folder = os.environ.get("GMMBENCH_DATA", "/work/shared/bench/data")
    x = np.fromfile(os.path.join(folder, o.workload + ".x.f64"), dtype="<f8", count=n * d).reshape(n, d)
    init = np.fromfile(os.path.join(folder, o.workload + ".init.full.f64"), dtype="<f8")
    means = init[k:k + k * d].reshape(k, d)
    nearest = ((x[:, None, :] - means[None, :, :]) ** 2).sum(-1).argmin(1) if n * k * d < 4e8 else \
        np.concatenate([((c[:, None, :] - means[None]) ** 2).sum(-1).argmin(1) for c in np.array_split(x, 20)])
    resp = np.zeros((n, k)); resp[np.arange(n), nearest] = 1

    def best(iters):
        times = []
        for _ in range(o.reps):
            bg = FromResponsibilities(resp0=resp, n_components=k, covariance_type=o.covariance, tol=0,
                                      max_iter=iters, random_state=0)
            t = time.perf_counter(); bg.fit(x); times.append(time.perf_counter() - t)
        return min(times)

    t1, t2 = best(o.i1), best(o.i2)
    print(f"{o.workload} {o.covariance} sklearn BayesianGaussianMixture: {(t2 - t1) / (o.i2 - o.i1) * 1e3:.1f} ms/iteration")


if __name__ == "__main__":
    main()
