package org.spectrolens.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentsTest {
  private static final Path A = Path.of("a.wav");

  private static Corpus corpus(List<Segment> segs, Map<Path, Double> durations) {
    return new Corpus(segs, durations, new Skips(), new Skips());
  }

  private static List<double[]> spans(Corpus c) {
    return c.segments().stream().map(s -> new double[] {s.start(), s.end()}).toList();
  }

  private static void assertSpans(double[][] expected, Corpus c) {
    List<double[]> got = spans(c);
    assertEquals(expected.length, got.size());
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i][0], got.get(i)[0], 1e-9, "start " + i);
      assertEquals(expected[i][1], got.get(i)[1], 1e-9, "end " + i);
    }
  }

  @Test
  void chunksWithPaddedOrDroppedLastWindow() {
    Corpus c = corpus(List.of(new Segment("a", A, 0, 3.5, "dog", "")), Map.of(A, 3.5));
    assertSpans(new double[][] {{0, 1}, {1, 2}, {2, 3}, {3, 3.5}}, Segments.chunks(c, 1, 1, true));
    Corpus dropped = Segments.chunks(c, 1, 1, false);
    assertSpans(new double[][] {{0, 1}, {1, 2}, {2, 3}}, dropped);
    assertEquals(Map.of("partial last chunk", 1), c.dropped().counts());
    // hop 0.5: floor((3.5 - 1) / 0.5) + 1 = 6 full windows, the last ends at 3.5: nothing partial
    Corpus half = Segments.chunks(c, 1, 0.5, true);
    assertEquals(6, half.segments().size());
    assertEquals(2.5, half.segments().get(5).start(), 1e-9);
    assertEquals("a_c005", half.segments().get(5).id());
    // shorter than one window: one padded chunk, or nothing
    Corpus shortOne = corpus(List.of(new Segment("b", A, 1, 1.4, "dog", "")), Map.of(A, 3.5));
    assertSpans(new double[][] {{1, 1.4}}, Segments.chunks(shortOne, 1, 1, true));
    assertEquals(0, Segments.chunks(shortOne, 1, 1, false).segments().size());
  }

  @Test
  void minimumDurationCapAndBalanceCountWhatTheyDrop() {
    List<Segment> segs = new java.util.ArrayList<>();
    for (int k = 0; k < 10; k++) segs.add(new Segment("v" + k, A, k, k + 0.01 * (k + 1), "voiced", ""));
    for (int k = 0; k < 4; k++) segs.add(new Segment("u" + k, A, k, k + 0.1, "unvoiced", ""));
    Corpus c = corpus(segs, Map.of(A, 20.0));
    Corpus longEnough = Segments.minDuration(c, 0.03); // v0 (10 ms) and v1 (20 ms) go
    assertEquals(12, longEnough.segments().size());
    Corpus balanced = Segments.balance(longEnough, 7);
    assertEquals(Map.of("voiced", 4, "unvoiced", 4), Segments.counts(balanced.segments()));
    assertEquals(Map.of(Skips.TOO_SHORT, 2, Skips.BALANCE, 4), c.dropped().counts());
    assertEquals(balanced.segments(), Segments.balance(longEnough, 7).segments()); // seeded
    Corpus capped = Segments.capPerClass(balanced, 3, 1);
    assertEquals(Map.of("voiced", 3, "unvoiced", 3), Segments.counts(capped.segments()));
  }

  @Test
  void paddingIsClampedToTheFile() {
    Corpus c = corpus(List.of(new Segment("a", A, 0.02, 0.2, "i", ""), new Segment("b", A, 0.5, 0.95, "i", "")), Map.of(A, 1.0));
    assertSpans(new double[][] {{0, 0.3}, {0.4, 1.0}}, Segments.pad(c, 0.1));
  }
}
