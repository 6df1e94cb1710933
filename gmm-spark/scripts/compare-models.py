#!/usr/bin/env python3
"""Compares two gmm model files: n_iter equal, lower bound within 1e-12 (relative), every parameter
within 1e-10 relative (of the array's largest magnitude for near-zero entries). Exit 1 when they differ."""
import json, sys

def flat(v):
    if isinstance(v, list):
        for x in v:
            yield from flat(x)
    else:
        yield v

a, b = (json.load(open(p)) for p in sys.argv[1:3])
worst = 0.0
for key in ("weights", "means", "covariances", "precisions_cholesky"):
    xs, ys = list(flat(a[key])), list(flat(b[key]))
    assert len(xs) == len(ys), key
    scale = max(abs(y) for y in ys)
    for x, y in zip(xs, ys):
        worst = max(worst, abs(x - y) / max(abs(y), 1e-3 * scale))
lb = abs(a["lower_bound"] - b["lower_bound"]) / abs(b["lower_bound"])
ok = a["n_iter"] == b["n_iter"] and lb <= 1e-12 and worst <= 1e-10
print(f"{sys.argv[1]}: n_iter {a['n_iter']} vs {b['n_iter']}, lower bound rel diff {lb:.1e}, "
      f"worst parameter rel diff {worst:.1e} -> {'same' if ok else 'DIFFERENT'}")
sys.exit(0 if ok else 1)
