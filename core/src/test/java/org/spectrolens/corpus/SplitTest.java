package org.spectrolens.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.spectrolens.SpectrolensException;

class SplitTest {
  /** n segments per class for each of the classes, spread over speakers with uneven counts. */
  private static List<Segment> corpus(int speakers, long seed) {
    Random r = new Random(seed);
    List<Segment> out = new ArrayList<>();
    String[] classes = {"i", "ae", "er", "aa", "u"};
    for (int s = 0; s < speakers; s++) {
      for (String c : classes) {
        int n = 5 + r.nextInt(20);
        for (int k = 0; k < n; k++) out.add(new Segment("s" + s + "_" + c + "_" + k, Path.of("s" + s + ".wav"), k, k + 0.1, c, "spk" + s));
      }
    }
    return out;
  }

  private static Map<String, int[]> perClass(List<Split.Assigned> a) {
    Map<String, int[]> m = new HashMap<>(); // [train, test]
    for (Split.Assigned x : a) m.computeIfAbsent(x.segment().label(), k -> new int[2])[x.split().equals(Split.TEST) ? 1 : 0]++;
    return m;
  }

  @Test
  void stratifiedPutsRoundedThirtyPercentOfEachClassInTest() {
    List<Segment> segs = corpus(7, 1);
    List<Split.Assigned> a = Split.stratified(42).assign(segs);
    assertEquals(segs.size(), a.size());
    perClass(a).forEach((c, n) -> assertEquals(Math.round((n[0] + n[1]) * 0.3), n[1], c));
    for (int i = 0; i < segs.size(); i++) assertEquals(segs.get(i), a.get(i).segment()); // order kept
  }

  @Test
  void splitsAreDeterministicForASeedAndIndependentOfOrder() {
    List<Segment> segs = corpus(7, 1);
    List<Segment> shuffled = new ArrayList<>(segs);
    Collections.shuffle(shuffled, new Random(3));
    for (Split s : List.of(Split.stratified(5), new Split(true, 0.3, 5, 0, 0), new Split(false, 0, 5, 4, 1))) {
      Map<String, String> one = sides(s.assign(segs));
      assertEquals(one, sides(s.assign(shuffled)), s.id());
      assertEquals(one, sides(s.assign(segs)), s.id());
    }
    assertNotEquals(sides(Split.stratified(5).assign(segs)), sides(Split.stratified(6).assign(segs)));
  }

  private static Map<String, String> sides(List<Split.Assigned> a) {
    Map<String, String> m = new HashMap<>();
    a.forEach(x -> m.put(x.segment().id(), x.split() + x.fold()));
    return m;
  }

  @Test
  void bySpeakerKeepsEverySpeakerOnOneSideNearThirtyPercent() {
    List<Segment> segs = corpus(30, 2);
    List<Split.Assigned> a = new Split(true, 0.3, 11, 0, 0).assign(segs);
    Map<String, Set<String>> sidesOf = new HashMap<>();
    a.forEach(x -> sidesOf.computeIfAbsent(x.segment().speaker(), k -> new HashSet<>()).add(x.split()));
    sidesOf.forEach((sp, s) -> assertEquals(1, s.size(), sp + " on both sides"));
    assertTrue(sidesOf.values().stream().anyMatch(s -> s.contains(Split.TEST)));
    assertTrue(sidesOf.values().stream().anyMatch(s -> s.contains(Split.TRAIN)));
    // whole speakers of 5-24 segments per class: within 8 points of 30% in every class
    perClass(a).forEach((c, n) -> {
      double f = n[1] / (double) (n[0] + n[1]);
      assertTrue(Math.abs(f - 0.3) < 0.08, c + " test share " + f);
    });
  }

  @Test
  void oneSpeakerIsRefusedWithAClearMessage() {
    List<Segment> lj = new ArrayList<>();
    for (int k = 0; k < 20; k++) lj.add(new Segment("LJ001-" + k, Path.of("x.wav"), 0, 1, k % 2 == 0 ? "i" : "u", ""));
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> new Split(true, 0.3, 0, 0, 0).assign(lj));
    assertEquals("by_speaker", e.subject());
    assertEquals("by_speaker", e.parameter());
    assertTrue(e.problem().contains("one speaker") && e.problem().contains("`speakers`"), e.getMessage());

    List<Segment> one = lj.stream().map(s -> new Segment(s.id(), s.source(), 0, 1, s.label(), "LJ")).toList();
    e = assertThrows(SpectrolensException.class, () -> new Split(true, 0.3, 0, 0, 0).assign(one));
    assertTrue(e.problem().contains("only 1 speaker(s) (LJ)"), e.getMessage());
  }

  @Test
  void byRecordingKeepsEveryRecordingOnOneSideForASingleSpeaker() {
    // One speaker, 40 recordings of 3-6 segments each (LJSpeech: one utterance per file).
    List<Segment> lj = new ArrayList<>();
    Random r = new Random(4);
    for (int f = 0; f < 40; f++) {
      int n = 3 + r.nextInt(4);
      for (int k = 0; k < n; k++) lj.add(new Segment("LJ" + f + "_" + k, Path.of("LJ" + f + ".wav"), k, k + 0.1, k % 2 == 0 ? "i" : "u", ""));
    }
    Split split = new Split(false, 0.3, 7, 0, 0, true);
    assertEquals("recording", split.id());
    assertEquals("recording-kfold", new Split(false, 0, 7, 3, 0, true).id());
    List<Split.Assigned> a = split.assign(lj);
    Map<Path, Set<String>> sidesOf = new HashMap<>();
    a.forEach(x -> sidesOf.computeIfAbsent(x.segment().source(), k -> new HashSet<>()).add(x.split()));
    sidesOf.forEach((f, s) -> assertEquals(1, s.size(), f + " on both sides"));
    perClass(a).forEach((c, n) -> {
      double f = n[1] / (double) (n[0] + n[1]);
      assertTrue(Math.abs(f - 0.3) < 0.08, c + " test share " + f);
    });
    // a stratified split of the same corpus puts most recordings on both sides: the leak the grouping stops
    Map<Path, Set<String>> stratified = new HashMap<>();
    Split.stratified(7).assign(lj).forEach(x -> stratified.computeIfAbsent(x.segment().source(), k -> new HashSet<>()).add(x.split()));
    assertTrue(stratified.values().stream().filter(s -> s.size() == 2).count() > 10);
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> new Split(true, 0.3, 7, 0, 0, true));
    assertEquals("by_recording", e.parameter());
    SpectrolensException one = assertThrows(SpectrolensException.class,
        () -> new Split(false, 0.3, 7, 0, 0, true).assign(lj.subList(0, 2)));
    assertTrue(one.problem().contains("only 1 recording(s)"), one.getMessage());
  }

  @Test
  void kFoldGivesEverySegmentOneFoldOfBalancedSize() {
    List<Segment> segs = corpus(7, 4);
    int k = 5;
    int[] sizes = new int[k];
    for (Split.Assigned a : new Split(false, 0, 9, k, 2).assign(segs)) {
      assertTrue(a.fold() >= 0 && a.fold() < k);
      assertEquals(a.fold() == 2 ? Split.TEST : Split.TRAIN, a.split());
      sizes[a.fold()]++;
    }
    for (int s : sizes) assertTrue(Math.abs(s - segs.size() / (double) k) <= 1 + 1e-9, java.util.Arrays.toString(sizes));
    // the same folds whichever fold is the test one
    Map<String, Integer> f2 = new HashMap<>();
    new Split(false, 0, 9, k, 2).assign(segs).forEach(a -> f2.put(a.segment().id(), a.fold()));
    new Split(false, 0, 9, k, 4).assign(segs).forEach(a -> assertEquals(f2.get(a.segment().id()), a.fold()));

    // speaker k-fold: no speaker in two folds, every fold used
    Map<String, Set<Integer>> folds = new HashMap<>();
    new Split(true, 0, 9, 3, 0).assign(segs).forEach(a -> folds.computeIfAbsent(a.segment().speaker(), x -> new HashSet<>()).add(a.fold()));
    folds.values().forEach(s -> assertEquals(1, s.size()));
    assertEquals(Set.of(0, 1, 2), folds.values().stream().flatMap(Set::stream).collect(java.util.stream.Collectors.toSet()));
    assertEquals("speaker-kfold", new Split(true, 0, 9, 3, 0).id());
  }
}
