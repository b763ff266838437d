package org.spectrolens.analyze;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.spectrolens.analyze.Readings.Alignment;
import org.spectrolens.analyze.Readings.BandOverlap;
import org.spectrolens.analyze.Readings.ConfusedPair;
import org.spectrolens.analyze.Readings.ConfusionOverlap;
import org.spectrolens.analyze.Readings.MethodReading;
import org.spectrolens.analyze.Readings.Pair;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.truth.TruthMasks;

/**
 * Collects one method's maps item by item (class, speaker group, truth masks) and reads them as a
 * {@link MethodReading}. Not thread-safe; one per method.
 */
public final class MethodAccumulator {
  /** Pairs reported with their overlapping bands. */
  static final int MOST_CONFUSED = 3;
  /** Bands reported per confused pair. */
  static final int TOP_BANDS = 5;

  private final String method;
  private final boolean reference;
  private final List<String> classes;
  private final FrequencyAxis rows;
  private final List<FrequencyBand> bands;
  private final List<FrequencyBand> named;
  /** The rows read (all but those above the sources' Nyquist frequency); class means keep every row. */
  private final SourceBand signal;
  private final double[][][] sums;
  private final int[] counts;
  private final double[][] bandSums;
  private final double[][] namedSums;
  private final int[] profileCounts;
  private int empty;
  private final List<List<double[]>> alignments = new ArrayList<>();
  private final Map<String, double[]> groupSums = new TreeMap<>();
  private final Map<String, Integer> groupCounts = new TreeMap<>();
  private final Map<String, double[][]> groupClassSums = new TreeMap<>();
  private final Map<String, int[]> groupClassCounts = new TreeMap<>();

  /**
   * @param classes class names; items are added by index
   * @param height rows of every map
   * @param width columns of every map
   * @param rows Hz of the rows
   * @param bands uniform bands of the band profile
   * @param named named bands
   */
  public MethodAccumulator(String method, boolean reference, List<String> classes, int height, int width, FrequencyAxis rows,
      List<FrequencyBand> bands, List<FrequencyBand> named) {
    this(method, reference, classes, height, width, rows, bands, named, new SourceBand(height, rows.upperEdgeHz(height - 1), 0, height));
  }

  /**
   * As above, reading only the rows of {@code signal} (band profiles, alignment and overlap; the
   * bands should end at its top).
   */
  public MethodAccumulator(String method, boolean reference, List<String> classes, int height, int width, FrequencyAxis rows,
      List<FrequencyBand> bands, List<FrequencyBand> named, SourceBand signal) {
    this.signal = signal;
    this.method = method;
    this.reference = reference;
    this.classes = List.copyOf(classes);
    this.rows = rows;
    this.bands = List.copyOf(bands);
    this.named = List.copyOf(named);
    int k = classes.size();
    sums = new double[k][height][width];
    counts = new int[k];
    bandSums = new double[k][bands.size()];
    namedSums = new double[k][named.size()];
    profileCounts = new int[k];
    for (int c = 0; c < k; c++) alignments.add(new ArrayList<>());
  }

  /**
   * Adds one item's map.
   *
   * @param cls the item's true class index
   * @param group its speaker group (null: none)
   * @param map [H][W], row 0 the lowest frequency
   * @param masks its truth masks on the same grid (null: no alignment for this item)
   */
  public void add(int cls, String group, float[][] whole, TruthMasks wholeMasks) {
    counts[cls]++;
    for (int r = 0; r < whole.length; r++) for (int c = 0; c < whole[r].length; c++) sums[cls][r][c] += whole[r][c];
    float[][] map = signal.crop(whole);
    TruthMasks masks = signal.crop(wholeMasks);
    if (!(MapMass.total(map) > 0)) empty++;
    if (MapMass.total(map) > 0) { // a map without mass has no profile
      double[] shares = MapMass.bandShares(map, rows, bands);
      profileCounts[cls]++;
      add(bandSums[cls], shares);
      add(namedSums[cls], MapMass.bandShares(map, rows, named));
      if (group != null) {
        add(groupSums.computeIfAbsent(group, g -> new double[bands.size()]), shares);
        groupCounts.merge(group, 1, Integer::sum);
        add(groupClassSums.computeIfAbsent(group, g -> new double[classes.size()][bands.size()])[cls], shares);
        groupClassCounts.computeIfAbsent(group, g -> new int[classes.size()])[cls]++;
      }
    }
    if (masks != null) {
      alignments.get(cls).add(new double[] {MapMass.alignment(map, masks.formants()), MapMass.alignment(map, masks.f1()),
          MapMass.alignment(map, masks.f2()), MapMass.alignment(map, masks.f3()), TruthMasks.share(masks.formants()),
          MapMass.alignment(map, masks.harmonics()), TruthMasks.share(masks.harmonics())});
    }
  }

  /**
   * The reading.
   *
   * @param confusion [true][predicted] row-normalised confusion rates of the model on the same items
   * @param permutations permutations of the Spearman test
   * @param seed seed of the permutations
   */
  public MethodReading finish(double[][] confusion, int permutations, long seed) {
    int k = classes.size();
    float[][][] means = new float[k][][];
    for (int c = 0; c < k; c++) {
      means[c] = new float[sums[c].length][sums[c][0].length];
      for (int r = 0; r < means[c].length; r++) {
        for (int t = 0; t < means[c][r].length; t++) means[c][r][t] = counts[c] == 0 ? 0f : (float) (sums[c][r][t] / counts[c]);
      }
    }
    Map<String, double[]> profile = new LinkedHashMap<>(), namedProfile = new LinkedHashMap<>();
    Map<String, Alignment> align = new LinkedHashMap<>();
    List<double[]> all = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      profile.put(classes.get(c), scaled(bandSums[c], profileCounts[c]));
      namedProfile.put(classes.get(c), scaled(namedSums[c], profileCounts[c]));
      align.put(classes.get(c), alignment(alignments.get(c)));
      all.addAll(alignments.get(c));
    }
    int n = Arrays.stream(profileCounts).sum();
    profile.put("all", scaled(columnSums(bandSums), n));
    namedProfile.put("all", scaled(columnSums(namedSums), n));
    align.put("all", alignment(all));
    Map<String, double[]> groups = new LinkedHashMap<>();
    groupSums.forEach((g, s) -> groups.put(g, scaled(s, groupCounts.get(g))));
    Map<String, Map<String, double[]>> groupClasses = new LinkedHashMap<>();
    groupClassSums.forEach((g, s) -> {
      Map<String, double[]> perClass = new LinkedHashMap<>();
      for (int c = 0; c < k; c++) if (groupClassCounts.get(g)[c] > 0) perClass.put(classes.get(c), scaled(s[c], groupClassCounts.get(g)[c]));
      groupClasses.put(g, perClass);
    });
    return new MethodReading(method, reference, means, profile, namedProfile, align,
        confusionOverlap(means, confusion, permutations, seed), groups, groupClasses, empty);
  }

  private ConfusionOverlap confusionOverlap(float[][][] means, double[][] confusion, int permutations, long seed) {
    int k = classes.size();
    List<Pair> pairs = new ArrayList<>();
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        if (counts[a] == 0 || counts[b] == 0) continue;
        pairs.add(new Pair(classes.get(a), classes.get(b), MapMass.intersection(signal.crop(means[a]), signal.crop(means[b])),
            confusion[a][b], confusion[b][a]));
      }
    }
    double[] x = pairs.stream().mapToDouble(Pair::overlap).toArray();
    double[] y = pairs.stream().mapToDouble(Pair::confusion).toArray();
    List<ConfusedPair> confused = new ArrayList<>();
    pairs.stream().filter(p -> p.confusion() > 0).sorted(Comparator.comparingDouble(Pair::confusion).reversed())
        .limit(MOST_CONFUSED).forEach(p -> {
          int a = classes.indexOf(p.a()), b = classes.indexOf(p.b());
          double[] common = MapMass.intersectionByBand(signal.crop(means[a]), signal.crop(means[b]), rows, bands);
          List<BandOverlap> top = new ArrayList<>();
          for (int i = 0; i < bands.size(); i++) {
            top.add(new BandOverlap(bands.get(i).name(), bands.get(i).fromHz(), bands.get(i).toHz(), common[i]));
          }
          top.sort(Comparator.comparingDouble(BandOverlap::common).reversed());
          confused.add(new ConfusedPair(p.a(), p.b(), p.confusion(), p.overlap(), List.copyOf(top.subList(0, Math.min(TOP_BANDS, top.size())))));
        });
    return new ConfusionOverlap(pairs, RankCorrelation.spearman(x, y), RankCorrelation.permutationP(x, y, permutations, seed),
        permutations, confused);
  }

  private static Alignment alignment(List<double[]> items) {
    double[] formants = column(items, 0), harmonics = column(items, 5);
    return new Alignment(formants.length, mean(formants), median(formants), mean(column(items, 1)), mean(column(items, 2)),
        mean(column(items, 3)), mean(column(items, 4)), harmonics.length, mean(harmonics), median(harmonics),
        mean(nonZero(column(items, 6))));
  }

  /** The defined (non-NaN) values of one field. */
  private static double[] column(List<double[]> items, int field) {
    return items.stream().mapToDouble(v -> v[field]).filter(v -> !Double.isNaN(v)).toArray();
  }

  private static double[] nonZero(double[] v) {
    return Arrays.stream(v).filter(d -> d > 0).toArray();
  }

  private static double mean(double[] v) {
    return v.length == 0 ? Double.NaN : Arrays.stream(v).average().orElse(Double.NaN);
  }

  private static double median(double[] v) {
    if (v.length == 0) return Double.NaN;
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
  }

  private static void add(double[] into, double[] v) {
    for (int i = 0; i < v.length; i++) into[i] += v[i];
  }

  private static double[] scaled(double[] sums, int n) {
    double[] out = new double[sums.length];
    for (int i = 0; i < out.length; i++) out[i] = n == 0 ? Double.NaN : sums[i] / n;
    return out;
  }

  private static double[] columnSums(double[][] rows) {
    double[] out = new double[rows[0].length];
    for (double[] r : rows) add(out, r);
    return out;
  }
}
