package org.spectrolens.corpus;

import java.nio.file.Path;

/**
 * The duration of an audio file in seconds, read from its header. Corpus readers use it to
 * check that intervals lie inside their file before anything is computed.
 */
@FunctionalInterface
public interface DurationProbe {
  /** @throws org.spectrolens.SpectrolensException when the file cannot be read or decoded */
  double seconds(Path file);

  /** Durations from the file headers ({@link org.spectrolens.audio.AudioFile#probe}); WAV and FLAC. */
  static DurationProbe headers() {
    return f -> org.spectrolens.audio.AudioFile.probe(f).durationSeconds();
  }
}
