#!/usr/bin/env python3
"""librosa 0.10.2's tuning estimate, chroma means and 27-vector for every WAV under a folder.

Usage (librosa importable, see setup_librosa.sh):

    PYTHONPATH=$PYLIBS /usr/bin/python3 librosa_references.py DIR OUT.json

The calls are those of the fixture recipe (shared/fixtures/librosa-audio/make_audio_fixtures.py,
compute()): librosa.load(sr=None, mono=True), S = |stft(n_fft 2048, hop 512)|^2,
estimate_tuning(S=S), chroma_stft(y=y), mfcc(n_mfcc 13), zero_crossing_rate, energy in float64.
Nothing is re-implemented. OUT.json: {"librosa": version, "files": {relative path: {tuning,
summary_27, tuning_debug}}}; tuning_debug holds the histogram counts, the median threshold and the
number of pitches kept, to see how near a tie the estimate was.
"""
import json
import os
import sys

import numpy as np
import librosa
import librosa.feature

N_FFT, HOP = 2048, 512


def reference(path):
    y, sr = librosa.load(path, sr=None, mono=True)
    s_pow = np.abs(librosa.stft(y, n_fft=N_FFT, hop_length=HOP, window="hann", center=True,
                                pad_mode="constant")) ** 2
    tuning = float(librosa.estimate_tuning(S=s_pow, sr=sr, bins_per_octave=12))
    pitch, mag = librosa.piptrack(S=s_pow, sr=sr, n_fft=N_FFT)
    mask = pitch > 0
    thr = np.median(mag[mask]) if mask.any() else 0.0
    freqs = pitch[(mag >= thr) & mask]
    residual = np.mod(12 * librosa.hz_to_octs(freqs), 1.0)
    residual[residual >= 0.5] -= 1.0
    counts, _ = np.histogram(residual, np.linspace(-0.5, 0.5, 101))
    chroma = librosa.feature.chroma_stft(y=y, sr=sr, n_fft=N_FFT, hop_length=HOP)
    mfcc = librosa.feature.mfcc(y=y, sr=sr, n_mfcc=13, n_fft=N_FFT, hop_length=HOP)
    zcr = librosa.feature.zero_crossing_rate(y, frame_length=N_FFT, hop_length=HOP, center=True)
    y64 = y.astype(np.float64)
    summary = np.concatenate(([np.sum(y64 * y64), np.mean(zcr.astype(np.float64))],
                              np.mean(chroma.astype(np.float64), axis=1),
                              np.mean(mfcc.astype(np.float64), axis=1)))
    return {"sample_rate": int(sr), "n_samples": int(len(y)), "tuning": tuning,
            "summary_27": [float(v) for v in summary],
            "tuning_debug": {"median_peak_mag_threshold": float(thr), "n_selected": int(freqs.size),
                             "histogram_counts": [int(c) for c in counts]}}


def main():
    root, out = sys.argv[1], sys.argv[2]
    files = {}
    for d, _, names in sorted(os.walk(root)):
        for name in sorted(names):
            if name.lower().endswith(".wav"):
                path = os.path.join(d, name)
                files[os.path.relpath(path, root)] = reference(path)
                print(os.path.relpath(path, root), files[os.path.relpath(path, root)]["tuning"], file=sys.stderr)
    with open(out, "w") as f:
        json.dump({"librosa": librosa.__version__, "numpy": np.__version__, "files": files}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
