#!/usr/bin/env bash
# Griffin-Lim's spectral convergence ||S - |STFT(x)|||_F / ||S||_F after 32 iterations, spectrolens
# (dsp.GriffinLim) beside torchaudio.functional.griffinlim on the same magnitudes (1 s harmonic
# complex + noise + click at 22,050 Hz, n_fft 1024, hop 256, Hann, reflect padding, zero initial
# phase), momentum 0.99 and 0. Needs /usr/bin/python3 with torchaudio and scipy (the test skips
# otherwise, and then this prints nothing).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl core -Dtest='FeatureReferenceTest#griffinLimConvergesAsWellAsTorchaudio' \
  -Dsurefire.failIfNoSpecifiedTests=false test | grep 'Griffin-Lim'
