package org.spectrolens.scene;

import org.spectrolens.dataset.InputFormat;
import org.spectrolens.dsp.MelScale;
import org.spectrolens.dsp.Window;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * The monitoring thesis's recipe for 1 s clips (Wang 2022, sections 2.1-2.2): log-mel
 * spectrograms into the small CNN, Adam at a learning rate of 3e-5 for 12 epochs. The thesis names
 * no STFT parameters, so the front end follows librosa's conventions (the usual tool of that work)
 * at a rate and resolution suited to 1 s of monitoring audio:
 * <ul>
 *   <li>16,000 Hz; n_fft 1024 (64 ms, 15.6 Hz bins), periodic Hann window of 1024, hop 256 (16 ms:
 *       63 frames per second), centred frames with zero padding (librosa >= 0.9);</li>
 *   <li>power 2, 64 mel bands from 0 to 8000 Hz on the Slaney scale with Slaney area norm
 *       (librosa's {@code melspectrogram});</li>
 *   <li>dB with ref 1, amin 1e-10, top_db 80 ({@code power_to_db});</li>
 *   <li>model input 64x64 (the 64x63 grid resized by 64/63 in time).</li>
 * </ul>
 * smallcnn on 64x64 has 0.48 M parameters (the thesis's "slightly over 1.5M" corresponds to a
 * 64x192 input). {@code dataset --recipe thesis} fixes the whole front end; the same with other
 * sizes is spelled out in flags: {@code --kind mel --sr 16000 --n-fft 1024 --win-length 1024
 * --hop 256 --pad-mode constant --n-mels 64 --mel-scale slaney --mel-norm slaney --size 64x64}
 * (dB with top_db 80 is the dataset command's default).
 */
public final class ThesisRecipe {
  public static final String ID = "thesis";
  public static final int SAMPLE_RATE = 16000;
  public static final int N_FFT = 1024;
  public static final int HOP = 256;
  public static final int MEL_BANDS = 64;
  public static final int HEIGHT = 64;
  public static final int WIDTH = 64;
  public static final String MODEL = "smallcnn";
  public static final double LEARNING_RATE = 3e-5;
  public static final int EPOCHS = 12;
  public static final int BATCH = 32;

  private ThesisRecipe() {}

  /** The log-mel front end above. */
  public static SpectrogramSpec spec() {
    // the unused MFCC/CQT fields keep the CLI's defaults, so the flags above give an equal spec
    return new SpectrogramSpec(SpectrogramSpec.Kind.MEL, SAMPLE_RATE, N_FFT, N_FFT, HOP, Window.HANN, true,
        SpectrogramSpec.PadMode.CONSTANT, 2.0, MEL_BANDS, 0.0, Double.NaN, MelScale.SLANEY,
        SpectrogramSpec.MelNorm.SLANEY, true, 1.0, 1e-10, 80.0, 40, 0.0, 12, 84);
  }

  /** The model input: the spec above, no crop, 64x64. */
  public static InputFormat format() {
    return new InputFormat(spec(), 0, Double.NaN, HEIGHT, WIDTH);
  }
}
