package org.spectrolens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectrolens.judge.result.LocalisationResult;
import org.spectrolens.judge.result.MapScores;

/** The report says the truth region's share, and when it is too large to discriminate (issue 25). */
class LocalisationDenominatorTest {
  private static MapScores mass(double v) {
    return new MapScores(Map.of("relevance_mass", v), 1.0, null);
  }

  @Test
  void aRegionOfHalfTheGridIsSaidToDiscriminateLittle() {
    // issue 25's studio voice: F1-F3 with bandwidths cover 51% of a 0-4000 Hz grid
    LocalisationResult r = new LocalisationResult(Map.of("gradcam", mass(0.58)), Map.of("random", mass(0.51), "energy", mass(0.62)),
        Map.of("relevance_mass", 0.51), null, 0.51);
    String s = LocalisationSection.denominator(r);
    assertEquals("The truth region covers 51.0% of the grid on average: a map that knows nothing puts that much of its mass on it"
        + " (the random map 51.0%, the energy map 62.0%). With more than 40.0% of the grid inside the region, localisation cannot"
        + " discriminate here: a perfect map can score at most 2.0 times chance, so small differences between methods mean little;"
        + " read them against the random and energy rows, or narrow the region (a smaller frequency range, a tighter truth band).", s);
  }

  @Test
  void aSmallRegionIsOnlyStatedAndAnUnknownOneNotAtAll() {
    LocalisationResult small = new LocalisationResult(Map.of(), Map.of(), Map.of(), null, 0.2);
    assertEquals("The truth region covers 20.0% of the grid on average: a map that knows nothing puts that much of its mass on it.",
        LocalisationSection.denominator(small));
    assertNull(LocalisationSection.denominator(new LocalisationResult(Map.of(), Map.of(), Map.of(), null)));
  }
}
