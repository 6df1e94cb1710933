#!/usr/bin/env python3
"""Whole processes, as users meet them: a cold `gmm` command against the same job in Python +
scikit-learn, run alternately, median of N (issue 17).

Each job reads a CSV, does the work, writes its result: fit (K full components, the default
k-means start), predict and score with a fitted model, select over K = 1..4. scikit-learn reads with
np.loadtxt, as the issue's table did. The ratio is the measure (the machine is noisy): gmm / sklearn,
at or under 1.0 is the goal.

Usage (from the repository root, after the app is built; Debian's python3-sklearn):
  /usr/bin/python3 gmm-bench/scripts/cold-process.py [--reps 5] [--data /tmp/coldbench] [--quick]
The script picks the fastest OPENBLAS_CORETYPE for scikit-learn first (Debian's OpenBLAS falls back to
a generic kernel on CPUs it does not know) and prints it with the table.
"""
import argparse
import shlex
import os
import statistics
import subprocess
import sys
import time

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GMM = os.path.join(ROOT, "gmm")
PY = "/usr/bin/python3"

CASES = [  # name, rows, features, components
    ("Iris 150 x 4", 150, 4, 3),
    ("blobs 100,000 x 2", 100_000, 2, 3),
    ("blobs 20,000 x 8", 20_000, 8, 5),
    ("blobs 1,000,000 x 4", 1_000_000, 4, 6),
]


def write_data(folder):
    os.makedirs(folder, exist_ok=True)
    paths = {}
    for name, n, d, k in CASES:
        path = os.path.join(folder, "%d_%d.csv" % (n, d))
        if not os.path.exists(path):
            if n == 150:
                from sklearn.datasets import load_iris
                x = load_iris().data
            else:
                rng = np.random.RandomState(n + d)
                centres = rng.uniform(-10, 10, size=(k, d))
                x = centres[rng.randint(k, size=n)] + rng.normal(size=(n, d))
            np.savetxt(path, x, delimiter=",", fmt="%.6f")
        paths[name] = path
    return paths


def fastest_coretype():
    probe = ("import numpy as np, time; a = np.random.rand(1500, 1500); a @ a; t = time.time(); "
             "[a @ a for _ in range(4)]; print(time.time() - t)")
    best, best_time = None, float("inf")
    for coretype in [None, "HASWELL", "SKYLAKEX", "ZEN", "COOPERLAKE", "SAPPHIRERAPIDS"]:
        env = dict(os.environ)
        if coretype:
            env["OPENBLAS_CORETYPE"] = coretype
        try:
            out = subprocess.run([PY, "-c", probe], env=env, capture_output=True, text=True, timeout=120)
            t = float(out.stdout.strip())
        except (ValueError, subprocess.TimeoutExpired):
            continue
        if t < best_time:
            best, best_time = coretype, t
    return best


SKLEARN = {
    "fit": ("import numpy as np, pickle; from sklearn.mixture import GaussianMixture; "
            "X = np.loadtxt({data!r}, delimiter=','); m = GaussianMixture({k}, covariance_type='full', "
            "random_state=0).fit(X); pickle.dump(m, open({out!r}, 'wb'))"),
    "predict": ("import numpy as np, pickle; X = np.loadtxt({data!r}, delimiter=','); "
                "m = pickle.load(open({model!r}, 'rb')); np.savetxt({out!r}, m.predict(X), fmt='%d')"),
    "score": ("import numpy as np, pickle, json; X = np.loadtxt({data!r}, delimiter=','); "
              "m = pickle.load(open({model!r}, 'rb')); json.dump({{'n_samples': len(X), "
              "'mean_log_likelihood': m.score(X), 'bic': m.bic(X), 'aic': m.aic(X)}}, open({out!r}, 'w'))"),
    "select": ("import numpy as np, json; from sklearn.mixture import GaussianMixture; "
               "X = np.loadtxt({data!r}, delimiter=','); "
               "r = [(GaussianMixture(k, covariance_type='full', random_state=0).fit(X).bic(X), k) for k in range(1, 5)]; "
               "json.dump({{'best': min(r)[1], 'bic': [b for b, _ in r]}}, open({out!r}, 'w'))"),
}


def gmm_command(job, data, k, work):
    model = os.path.join(work, "model.json")
    return {
        "fit": [GMM, "fit", "--data", data, "--components", str(k), "--out", model],
        "predict": [GMM, "predict", "--model", model, "--data", data, "--out", os.path.join(work, "labels.csv")],
        "score": [GMM, "score", "--model", model, "--data", data, "--out", os.path.join(work, "score.json")],
        "select": [GMM, "select", "--data", data, "--components", "1..4", "--covariance", "full",
                   "--out", os.path.join(work, "select")],
        # scikit-learn's select job writes the ranking only: gmm's without --out does the same (its JSON
        # to a file); "select" above also writes the best model and draws bic.png and aic.png
        "select-json": ["sh", "-c", '"$0" "$@" > ' + shlex.quote(os.path.join(work, "select.json")),
                        GMM, "select", "--data", data, "--components", "1..4", "--covariance", "full"],
    }[job]


def sklearn_command(job, data, k, work):
    code = SKLEARN["select" if job == "select-json" else job].format(data=data, k=k, model=os.path.join(work, "model.pkl"),
                               out=os.path.join(work, "model.pkl" if job == "fit" else job + ".out"))
    return [PY, "-c", code]


def timed(command, env):
    start = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(command[:4]), result.stderr[-2000:]))
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--data", default="/tmp/coldbench")
    parser.add_argument("--quick", action="store_true", help="fit only, on every data set")
    args = parser.parse_args()
    paths = write_data(args.data)
    coretype = fastest_coretype()
    sk_env = dict(os.environ)
    if coretype:
        sk_env["OPENBLAS_CORETYPE"] = coretype
    gmm_env = dict(os.environ, GMM_SKIP_BUILD="1")
    work = os.path.join(args.data, "work")
    os.makedirs(work, exist_ok=True)
    # warm the launcher's start-up cache and the page cache: not timed
    for name, n, d, k in CASES:
        timed(gmm_command("fit", paths[name], k, work), gmm_env)
    time.sleep(2)
    jobs = [(name, k, job) for name, n, d, k in CASES for job in ["fit"]]
    if not args.quick:
        name, n, d, k = CASES[2]
        jobs += [(name, k, job) for job in ["predict", "score", "select-json", "select"]]
    print("OPENBLAS_CORETYPE for scikit-learn: %s; load before: %s" % (coretype or "(default)",
                                                                       open("/proc/loadavg").read().split()[:3]))
    print()
    print("| data | K | job | gmm (process) | scikit-learn (process) | gmm / sklearn |")
    print("|---|---|---|---|---|---|")
    for name, k, job in jobs:
        g, s = [], []
        if job != "fit":  # the model both sides read
            timed(gmm_command("fit", paths[name], k, work), gmm_env)
            timed(sklearn_command("fit", paths[name], k, work), sk_env)
        for rep in range(args.reps):
            pair = [("gmm", gmm_command(job, paths[name], k, work), gmm_env),
                    ("sk", sklearn_command(job, paths[name], k, work), sk_env)]
            if rep % 2:
                pair.reverse()
            for side, command, env in pair:
                (g if side == "gmm" else s).append(timed(command, env))
        gm, sm = statistics.median(g), statistics.median(s)
        print("| %s | %d | %s | %.2f s | %.2f s | %.2f |" % (name, k, job, gm, sm, gm / sm), flush=True)
    print()
    print("load after: %s" % open("/proc/loadavg").read().split()[:3])


if __name__ == "__main__":
    main()
