#!/bin/sh
# Makes real librosa 0.10.2.post1 importable by /usr/bin/python3 on Debian 12 without pip, the
# environment the librosa-audio fixtures were made in (numpy 1.24.2, scipy 1.10.1, numba 0.56.4,
# soundfile 0.12.1, all Debian packages).
#
#   sh setup_librosa.sh LIBROSA_GIT_CLONE PYLIBS
#
# LIBROSA_GIT_CLONE: a clone of github.com/librosa/librosa (any checkout with the tag 0.10.2.post1);
# PYLIBS: a folder to put librosa's sources and a soxr stub in. Then:
#
#   PYTHONPATH=$PYLIBS NUMBA_CACHE_DIR=$PYLIBS/numba /usr/bin/python3 librosa_references.py DIR OUT.json
#
# soxr (resampling) has no Debian package; the stub only lets librosa import: the recipe loads
# every file at its own rate (sr=None) and never resamples.
set -eu
src=$1
out=$2
apt-get install -y -qq python3-numpy python3-scipy python3-numba python3-soundfile python3-audioread \
    python3-joblib python3-pooch python3-lazy-loader python3-msgpack python3-typing-extensions python3-decorator
mkdir -p "$out"
git -C "$src" archive 0.10.2.post1 librosa | tar -x -C "$out"
cat > "$out/soxr.py" <<'PY'
"""Import stub: the recipe never resamples (sr=None), so soxr is never called."""
__version__ = "0.0-stub"


def resample(*args, **kwargs):
    raise RuntimeError("soxr stub: resampling is not available")
PY
PYTHONPATH="$out" NUMBA_CACHE_DIR="$out/numba" /usr/bin/python3 -c \
    "import librosa, numpy; print('librosa', librosa.__version__, 'numpy', numpy.__version__)"
