package org.spectrolens.judge.result;

/**
 * Where a map's maximum is a plateau of tied cells (localisation): on how many items, and the
 * largest plateau. Written flat beside the scores of {@link MapScores}.
 *
 * @param items items judged
 * @param withTiedMaximum items whose maximum is more than one cell
 * @param largest the largest number of cells tied at an item's maximum
 */
public record Plateaus(int items, int withTiedMaximum, int largest) {
  static final String ITEMS = "items";
  static final String WITH_TIED = "items_with_tied_maximum";
  static final String LARGEST = "largest_tied_maximum";

  /** The ties of one score per item, each the number of cells tied at that item's maximum. */
  public static Plateaus of(double[] tiedCells) {
    int plateaus = 0;
    double largest = 0;
    for (double t : tiedCells) {
      if (t > 1) plateaus++;
      largest = Math.max(largest, t);
    }
    return new Plateaus(tiedCells.length, plateaus, (int) largest);
  }
}
