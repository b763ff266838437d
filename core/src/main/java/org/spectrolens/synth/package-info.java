/**
 * The built-in synthetic speech corpus: a cascade/parallel formant synthesiser in the Klatt (1980)
 * tradition, driven by talkers whose F0 and formants are drawn from Hillenbrand et al. (1995).
 *
 * <p>Flow: {@link org.spectrolens.synth.SentenceMaker} picks words from the built-in
 * {@link org.spectrolens.synth.Lexicon} (ARPAbet, MFA labels); the {@link
 * org.spectrolens.synth.Planner} turns a {@link org.spectrolens.synth.Speaker} and the words into an
 * {@link org.spectrolens.synth.UtterancePlan} (phone timing, formant targets with transitions,
 * voicing, noise events, intonation); {@link org.spectrolens.synth.Tracks} samples the plan every
 * millisecond; {@link org.spectrolens.synth.FormantSynthesizer} renders it (Rosenberg pulses with
 * jitter, shimmer and breath noise; five cascade resonators plus a nasal pole-zero pair; aspiration
 * through the cascade; frication and bursts through their own resonances; lip radiation). {@link
 * org.spectrolens.synth.SynthCorpus} writes the LJSpeech layout plus TextGrids, speakers.csv and the
 * ground-truth tracks; {@code SynthValidation} (a tool in the test sources) measures the result with Praat.
 *
 * <p>Speaker model (shared/DESIGN.md section 4): per talker a log formant scale
 * {@code N(0, sd_talker)} and a log mean F0 correlated with it; per vowel token, F1-F4 log-normal
 * with the published group mean and SD of that vowel, the talker scale taking its share of the
 * variance and an independent residual per formant the rest. Measured from the output, the
 * corpus reproduces the published per-vowel means and SDs.
 */
package org.spectrolens.synth;
