"""scikit-learn's side of the 1-megapixel timing (issue 8): GaussianMixture(8, covariance_type='full',
init_params='kmeans') on the same pixels as OneMegapixelTiming.java (flower-1mp-f64.bin, N x 3 float64).

    /usr/bin/python3 gmm-imaging/scripts/sklearn_1mp.py /work/imaging-results/flower-1mp-f64.bin [repeats]

Prints the fit's total time and iterations, the time of the k-means start alone, and the time of one EM
iteration measured directly (an E-step plus an M-step on the fitted model, as fit's loop does them).
Set OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 for the one-core figure.
"""
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.mixture import GaussianMixture

path = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 2
X = np.fromfile(path, dtype='<f8').reshape(-1, 3)
print(f"sklearn {sklearn.__version__}, numpy {np.__version__}, X {X.shape}, "
      f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', '-')}, "
      f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', '-')}")

for r in range(repeats):
    gm = GaussianMixture(8, covariance_type='full', init_params='kmeans', random_state=0)
    t = time.perf_counter()
    c = time.process_time()
    gm.fit(X)
    total = time.perf_counter() - t
    cpu = time.process_time() - c
    print(f"fit {r + 1}: {total:.3f} s total (process CPU {cpu:.3f} s), {gm.n_iter_} iterations, converged {gm.converged_}, "
          f"lower bound {gm.lower_bound_:.6f}, {total / gm.n_iter_:.3f} s per iteration including the start")

# the k-means start alone, as GaussianMixture._initialize_parameters runs it
t = time.perf_counter()
c = time.process_time()
KMeans(n_clusters=8, n_init=1, random_state=np.random.RandomState(0)).fit(X)
print(f"k-means start alone: {time.perf_counter() - t:.3f} s (process CPU {time.process_time() - c:.3f} s)")

# one EM iteration, measured directly
times = []
cpus = []
for _ in range(3):
    t = time.perf_counter()
    c = time.process_time()
    _, log_resp = gm._e_step(X)
    gm._m_step(X, log_resp)
    times.append(time.perf_counter() - t)
    cpus.append(time.process_time() - c)
print("one EM iteration (E-step + M-step): " + ", ".join(f"{s:.3f}" for s in times) + " s wall, "
      + ", ".join(f"{s:.3f}" for s in cpus) + " s process CPU")
