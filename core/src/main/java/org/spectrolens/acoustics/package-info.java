/**
 * Acoustic measurement: spectrolens's own formant and pitch trackers, following the algorithms
 * and defaults Praat documents (written from its manual and Boersma 1993, not from its code).
 *
 * <ul>
 *   <li>{@link org.spectrolens.acoustics.FormantTracker} ("To Formant (burg)") gives a
 *       {@link org.spectrolens.acoustics.FormantTrack}; it runs at twice the formant ceiling and
 *       gets there through a {@link org.spectrolens.acoustics.RateConverter}.
 *   <li>{@link org.spectrolens.acoustics.PitchTracker} ("To Pitch (ac)") gives a
 *       {@link org.spectrolens.acoustics.PitchTrack}.
 *   <li>{@link org.spectrolens.acoustics.VowelMeasurement} reads median F1-F3 and F0 over the
 *       middle third of a vowel.
 * </ul>
 *
 * Frame times are seconds from the clip's first sample, with sample i centred at (i + 0.5) / rate
 * and frames centred in the clip, as in Praat, so frame-by-frame comparisons with Praat line up.
 */
package org.spectrolens.acoustics;
