/**
 * Where the acoustic evidence is in a dataset item: per-item F0 and F1-F3 (with bandwidths) and
 * the model-input cells they cover.
 *
 * <ul>
 *   <li>{@link org.spectrolens.truth.TruthReader} gives the {@link org.spectrolens.truth.SegmentTruth}
 *       of a {@link org.spectrolens.dataset.DatasetItem}: from the synthesiser's
 *       {@code truth/<id>.csv} ({@link org.spectrolens.truth.TruthSource#SYNTH}) or from the
 *       project's own trackers ({@link org.spectrolens.truth.TruthSource#TRACKER}) where no truth
 *       exists.
 *   <li>{@link org.spectrolens.truth.TruthMasks} turns a segment's tracks into boolean [H][W]
 *       masks on a model input grid (any {@link org.spectrolens.spectrogram.FrequencyAxis} in Hz
 *       and {@link org.spectrolens.spectrogram.TimeAxis}): the F1, F2, F3 bands (centre plus or
 *       minus bandwidth) and F0 with its harmonics below 700 Hz.
 * </ul>
 *
 * Times are seconds in the source recording, as in {@code manifest.csv}; frequencies are Hz.
 */
package org.spectrolens.truth;
