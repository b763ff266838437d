package org.spectrolens.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.spectrolens.SpectrolensException;
import org.spectrolens.spectrogram.SpectrogramSpec;

/** The one range mechanism: a configuration record checks its {@link Param} ranges and names the parameter. */
class ParamsTest {
  record Config(
      @Param(value = "cores (0 = all)", min = 1, max = 1024, orZero = true) int threads,
      @Param(value = "a fraction", min = 0, minOpen = true, max = 1, maxOpen = true) double testFraction,
      @Param(value = "off when NaN", min = 0) double floorDb,
      int unchecked) {}

  @Test
  void recordsCheckEveryRangedComponentInOrder() {
    Config ok = new Config(0, 0.5, Double.NaN, -7);
    assertSame(ok, Params.check(ok));
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> Params.check(new Config(2000, 1, 0, 0)));
    assertEquals("threads: must be 0 or lie in [1, 1024], found 2000", e.getMessage());
    assertEquals("threads", e.parameter());
    e = assertThrows(SpectrolensException.class, () -> Params.check(new Config(4, 1, 0, 0)));
    assertEquals("test_fraction: must lie in (0, 1), found 1", e.getMessage());
    e = assertThrows(SpectrolensException.class, () -> Params.check(Config.class, "floorDb", -0.5));
    assertEquals("floor_db: must lie in [0, inf), found -0.5", e.getMessage());
    assertNull(Params.problem(Double.NaN, Params.of(Config.class, "floorDb")));
  }

  @Test
  void theSpectrogramSpecChecksItsFieldsWhateverTheKind() {
    SpectrogramSpec stft = SpectrogramSpec.torchaudio();
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> stft.withMel(0, stft.melScale(), stft.melNorm()).check());
    assertEquals("n_mels: must lie in [1, 2048], found 0", e.getMessage());
    e = assertThrows(SpectrolensException.class, () -> stft.withFft(1 << 17, 400, 200).check());
    assertEquals("n_fft: must lie in [2, 65536], found 131072", e.getMessage());
    assertEquals("[2, 65536]", Params.describe(Params.of(SpectrogramSpec.class, "nFft")));
    assertEquals("0 or [1, 1024]", Params.describe(Params.of(Config.class, "threads")));
  }
}
