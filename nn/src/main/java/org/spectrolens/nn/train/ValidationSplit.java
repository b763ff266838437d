package org.spectrolens.nn.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.nn.data.Examples;

/**
 * The part of the training split held out for validation: whole speakers where every item names
 * one (at least two speakers), else a share of each class's items.
 *
 * <p>It is not {@link org.spectrolens.corpus.Split}, though both divide items seeded: the dataset's
 * split packs speakers greedily to balance every class and draws from {@code java.util.Random}; this
 * one takes the first {@code round(fraction * speakers)} speakers of a shuffle drawn from the run's
 * seed ({@link Examples#mix}), which every trained model's validation set (and so its best epoch)
 * depends on. Changing either would change existing results.
 *
 * @param fit the items trained on
 * @param validation the items held out
 * @param by "speaker", "item" or "none" (fraction 0)
 * @param ids the held-out speakers or item ids, sorted
 */
public record ValidationSplit(List<DatasetItem> fit, List<DatasetItem> validation, String by, List<String> ids) {
  /** Holds out about {@code fraction} of {@code train}'s speakers (or of each class's items); none for fraction 0. */
  public static ValidationSplit of(List<DatasetItem> train, double fraction, long seed) {
    if (fraction <= 0) return new ValidationSplit(train, List.of(), "none", List.of());
    SplittableRandom r = new SplittableRandom(Examples.mix(seed, -1, -2));
    TreeMap<String, List<DatasetItem>> bySpeaker = new TreeMap<>();
    boolean allNamed = true;
    for (DatasetItem i : train) {
      if (i.speaker() == null || i.speaker().isEmpty()) allNamed = false;
      else bySpeaker.computeIfAbsent(i.speaker(), k -> new ArrayList<>()).add(i);
    }
    Set<String> held = new HashSet<>();
    String by;
    if (allNamed && bySpeaker.size() >= 2) {
      List<String> speakers = new ArrayList<>(bySpeaker.keySet());
      shuffle(speakers, r);
      int nv = (int) Math.min(speakers.size() - 1, Math.max(1, Math.round(fraction * speakers.size())));
      held.addAll(speakers.subList(0, nv));
      by = "speaker";
    } else {
      TreeMap<String, List<DatasetItem>> byLabel = new TreeMap<>();
      for (DatasetItem i : train) byLabel.computeIfAbsent(i.label(), k -> new ArrayList<>()).add(i);
      for (List<DatasetItem> items : byLabel.values()) {
        List<DatasetItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(DatasetItem::id));
        shuffle(sorted, r);
        int nv = (int) Math.min(sorted.size() - 1, Math.round(fraction * sorted.size()));
        for (int j = 0; j < nv; j++) held.add(sorted.get(j).id());
      }
      by = "item";
    }
    List<DatasetItem> fit = new ArrayList<>();
    List<DatasetItem> val = new ArrayList<>();
    for (DatasetItem i : train) {
      if (held.contains(by.equals("speaker") ? i.speaker() : i.id())) val.add(i);
      else fit.add(i);
    }
    List<String> ids = new ArrayList<>(held);
    ids.sort(null);
    return new ValidationSplit(fit, val, by, ids);
  }

  /** Fisher-Yates from the last element down, as every seeded shuffle of a run. */
  private static <T> void shuffle(List<T> list, SplittableRandom r) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }
}
