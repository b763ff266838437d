"""The first second of a corpus's first recording as a WAV: the upload the explorer's benchmarks time.
Usage: /usr/bin/python3 scripts/bench/one_second_wav.py CORPUS OUT.wav"""
import glob
import sys

import scipy.io.wavfile as w

recordings = sorted(glob.glob(sys.argv[1] + '/wavs/*.wav'))
if not recordings:
    sys.exit(f'one_second_wav.py: {sys.argv[1]}: no wavs/*.wav')
sr, x = w.read(recordings[0])
if len(x) < sr:
    sys.exit(f'one_second_wav.py: {recordings[0]}: shorter than 1 s')
w.write(sys.argv[2], sr, x[:sr])
