package org.spectrolens.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Praat's Burg tracker, an independent implementation, finds the formants the synthesiser was
 * told to make: per vowel, in each group and pooled, the median F1 and F2 error is at most 10 %.
 */
class IsolatedVowelPraatTest {
  @TempDir Path tmp;

  @Test
  void praatMeasuresTheTargetFormants() throws Exception {
    Assumptions.assumeTrue(PraatFormants.available(), "praat is not installed");
    List<SynthValidation.VowelErrors> errors = SynthValidation.measureIsolated(tmp, 2);
    for (SynthValidation.VowelErrors e : errors) {
      assertTrue(e.n() == (e.group().equals("all") ? 9 : 3), e.toString());
      assertTrue(e.f1() <= 0.10, "F1 median error " + e);
      assertTrue(e.f2() <= 0.10, "F2 median error " + e);
    }
  }
}
