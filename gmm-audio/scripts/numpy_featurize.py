#!/usr/bin/env python3
"""Times the NumPy recipe of the librosa-audio fixtures (spec_check.py, float64 NumPy) on a folder:
the speech27 vector of every WAV, as "what librosa-style code takes" beside gmm's FeatureTiming.

Usage: OMP_NUM_THREADS=1 /usr/bin/python3 numpy_featurize.py DIR WORKERS [GMM_FEATURES.csv]
spec_check.py is found in $SPEC_CHECK_DIR, else ../../../shared/fixtures/librosa-audio from here.
With a CSV of gmm's features (the experiment's cache or `gmm features --audio DIR --out F.csv`), it
also prints the files whose 27-vectors differ beyond the fixture tolerances.
"""
import csv
import glob
import os
import sys
import time
from multiprocessing import Pool

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.environ.get("SPEC_CHECK_DIR",
                                  os.path.join(HERE, "..", "..", "..", "shared", "fixtures", "librosa-audio")))
import numpy as np  # noqa: E402
import spec_check as sc  # noqa: E402

MEL = {}


def features(path):
    y, sr = sc.read_wav(path)
    P = sc.power_spectrogram(y)
    if sr not in MEL:
        MEL[sr] = sc.mel_filterbank(sr)
    mfcc = sc.dct2_ortho(sc.power_to_db(MEL[sr] @ P), sc.N_MFCC)
    tuning, _ = sc.estimate_tuning(P, sr)
    chroma = sc.chroma_from_power(P, sr, tuning)
    z = sc.zcr(y)
    return np.concatenate(([np.sum(y * y), z.mean()], chroma.mean(axis=1), mfcc.mean(axis=1)))


def main():
    root, workers = sys.argv[1], int(sys.argv[2])
    files = sorted(glob.glob(os.path.join(root, "**", "*.wav"), recursive=True))
    t0 = time.perf_counter()
    if workers == 1:
        rows = [features(f) for f in files]
    else:
        with Pool(workers) as pool:
            rows = pool.map(features, files, chunksize=4)
    dt = time.perf_counter() - t0
    print("%d files, %d process(es): %.2f s wall (%.1f ms per file)" % (len(files), workers, dt, 1000 * dt / len(files)))
    if len(sys.argv) > 3:
        with open(sys.argv[3]) as f:
            got = {r[0]: np.array([float(v) for v in r[1:]]) for r in csv.reader(f) if not r[0].startswith(("file", "#"))}
        bad = 0
        for path, ref in zip(files, rows):
            g = got[os.path.relpath(path, root)]
            ok = np.abs(g[:14] - ref[:14]) <= 1e-4 * np.abs(ref[:14])  # energy, ZCR, chroma: 1e-4 relative
            ok_mfcc = np.abs(g[14:] - ref[14:]) <= 2e-3  # MFCC: 2e-3 absolute
            if not (ok.all() and ok_mfcc.all()):
                bad += 1
                print("differs: %s (feature %d)" % (os.path.relpath(path, root),
                                                    int(np.argmax(np.concatenate((~ok, ~ok_mfcc))))))
        print("%d of %d files within tolerance" % (len(files) - bad, len(files)))


if __name__ == "__main__":
    main()
