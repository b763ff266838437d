package org.spectrolens.audio;

/**
 * What a file's header says about its audio, read without decoding the samples.
 *
 * @param sampleRate frames per second
 * @param channels channels per frame (reading mixes them to mono)
 * @param encoding a human-readable description, e.g. "WAV PCM signed 16-bit"
 * @param frames frames in the file (samples per channel)
 */
public record AudioInfo(int sampleRate, int channels, String encoding, long frames) {
  public double durationSeconds() {
    return frames / (double) sampleRate;
  }
}
