#!/usr/bin/env python3
"""Rows from a known Gaussian mixture, written in chunks (memory independent of the row count).

  gen_mixture.py --rows N --features D --components K [--seed S] [--dtype f4|f8] --out X.npy
  gen_mixture.py ... --csv             # CSV on standard output instead (for gmm fit --online --data -)
  gen_mixture.py --head M --from X.npy --out H.npy   # the first M rows of an .npy file

The mixture: weights ~ Dirichlet(5), means ~ N(0, 5^2 I), covariances A A^T / D + 0.5 I with A ~ N(0, 1).
Needs numpy.
"""
import argparse
import sys

import numpy as np

CHUNK = 1_000_000


def mixture(d, k, seed):
    rng = np.random.default_rng(seed)
    weights = rng.dirichlet(np.full(k, 5.0))
    means = rng.normal(0, 5, (k, d))
    chol = []
    for _ in range(k):
        a = rng.normal(0, 1, (d, d))
        chol.append(np.linalg.cholesky(a @ a.T / d + 0.5 * np.eye(d)))
    return weights, means, np.array(chol), rng


def chunks(rows, d, k, seed):
    weights, means, chol, rng = mixture(d, k, seed)
    done = 0
    while done < rows:
        n = min(CHUNK, rows - done)
        z = rng.choice(k, size=n, p=weights)
        e = rng.standard_normal((n, d))
        x = means[z] + np.einsum('nij,nj->ni', chol[z], e)
        yield x
        done += n


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--rows', type=int)
    p.add_argument('--features', type=int, default=16)
    p.add_argument('--components', type=int, default=16)
    p.add_argument('--seed', type=int, default=0)
    p.add_argument('--dtype', default='f4', choices=['f4', 'f8'])
    p.add_argument('--out')
    p.add_argument('--csv', action='store_true')
    p.add_argument('--head', type=int)
    p.add_argument('--from', dest='source')
    a = p.parse_args()
    if a.head is not None:
        src = np.load(a.source, mmap_mode='r')
        out = np.lib.format.open_memmap(a.out, mode='w+', dtype=src.dtype, shape=(a.head, src.shape[1]))
        for i in range(0, a.head, CHUNK):
            out[i:i + CHUNK] = src[i:min(a.head, i + CHUNK)]
        out.flush()
        return
    if a.csv:
        for x in chunks(a.rows, a.features, a.components, a.seed):
            np.savetxt(sys.stdout.buffer, x.astype('<' + a.dtype), delimiter=',', fmt='%.7g')
        return
    out = np.lib.format.open_memmap(a.out, mode='w+', dtype='<' + a.dtype, shape=(a.rows, a.features))
    i = 0
    for x in chunks(a.rows, a.features, a.components, a.seed):
        out[i:i + len(x)] = x
        i += len(x)
    out.flush()


if __name__ == '__main__':
    main()
