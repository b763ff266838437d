/**
 * Frame-wise audio features with librosa's definitions and defaults (spectral centroid,
 * bandwidth, rolloff, contrast, flatness, onset strength, zero-crossing rate, RMS, MFCC and their
 * deltas, chroma, harmonic/percussive energies), an open family: one class per {@link
 * org.spectrolens.features.Feature}, all registered in {@link org.spectrolens.features.Features}.
 * A feature reads an {@link org.spectrolens.features.Analysis} (a clip and its STFT, or STFT
 * magnitudes alone) and returns a {@link org.spectrolens.features.FeatureTrack}: named columns
 * over a time axis in seconds, which {@link org.spectrolens.features.FeatureTrack#summary} turns
 * into one fixed-length vector per clip. {@link org.spectrolens.features.Delta} (Savitzky-Golay
 * deltas) and {@link org.spectrolens.features.Hpss} (median-filter harmonic/percussive masks) also
 * work on any grid, e.g. to stack them as input channels.
 */
package org.spectrolens.features;
