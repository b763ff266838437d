package org.spectrolens.dataset.channels;

/** {@code spectrogram}: the dataset's own front end on the model-input grid (its unit: dB for a dB front end). */
final class SpectrogramChannel implements InputChannel {
  @Override
  public String id() {
    return InputChannels.SPECTROGRAM;
  }

  @Override
  public String description() {
    return "the dataset's front end (dB STFT by default, log-mel with the thesis recipe), as a single-channel dataset holds it";
  }

  @Override
  public boolean needsHzRows() {
    return false;
  }

  @Override
  public boolean needsAudio() {
    return false;
  }

  @Override
  public float[][] compute(ChannelSource in) {
    return in.grid().values();
  }
}
