package org.spectrolens.judge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.spectrolens.judge.result.FaithfulnessResult;
import org.spectrolens.judge.result.JudgeRun;
import org.spectrolens.judge.result.LocalisationResult;
import org.spectrolens.judge.result.MapScores;
import org.spectrolens.judge.result.Plateaus;
import org.spectrolens.nn.model.Network;

/**
 * Every method's maps of one batch judged by a list of per-map metrics, beside the two reference
 * maps ({@link ReferenceMaps}): the faithfulness, complexity and localisation tables. The maps
 * explain the predicted classes; the unperturbed forward pass is shared by all.
 *
 * @param methods one entry per method, in the order asked
 * @param baselines {@code random} and {@code energy}
 * @param forwardPasses inputs run through the network for the metrics (not for making the maps)
 * @param metricSeconds wall time spent in the metrics (not in making the maps)
 */
public record Study(List<Entry> methods, List<Entry> baselines, long forwardPasses, double metricSeconds) {

  /**
   * One map set's scores.
   *
   * @param name method id, or random / energy
   * @param scores by metric id: the mean of {@code perSample} over the items that have a score
   * @param perSample by metric id, one score per item (NaN where undefined)
   * @param chance for localisation metrics, the chance level by id (empty otherwise)
   * @param seconds wall time of the maps (the engine's) and their metrics
   * @param judged the batch with these maps (curves are remembered in it)
   */
  public record Entry(String name, Map<String, Double> scores, Map<String, double[]> perSample, Map<String, Double> chance, double seconds,
      Judged judged) {}

  /**
   * Runs the study on the maps of each method (made for the predicted classes, e.g. by {@link
   * MethodMaps}); {@code truth} may be null when no localisation metric is asked.
   */
  public static Study run(Network net, Samples s, MethodMaps made, List<MapMetric> metrics, Judging judging, boolean[][] truth) {
    return run(net, s, made, metrics, judging, truth, line -> { });
  }

  /**
   * As above, with one progress line per map set and metric ({@code "gradcam: deletion_auc_prob in
   * 41.2 s (map set 1 of 8)"}): a study at its defaults can run for an hour (issue 25).
   */
  public static Study run(Network net, Samples s, MethodMaps made, List<MapMetric> metrics, Judging judging, boolean[][] truth,
      Consumer<String> progress) {
    int sets = made.maps().size() + 2;
    Judged base = Judged.of(net, s.shape(), s.inputs(), s.n(), new float[s.n()][], new int[s.n()], s.labels(), truth, s.axes(), judging, s.first());
    int[] targets = new int[s.n()];
    for (int i = 0; i < s.n(); i++) targets[i] = org.spectrolens.nn.model.TrainedModel.argmax(base.logits()[i]);
    base = Judged.of(net, s.shape(), s.inputs(), s.n(), new float[s.n()][], targets, s.labels(), truth, s.axes(), judging, s.first());
    double metricNanos = 0;
    List<Entry> methods = new ArrayList<>();
    for (Map.Entry<String, float[][]> m : made.maps().entrySet()) {
      long t0 = System.nanoTime();
      Entry e = entry(m.getKey(), base.withMaps(m.getValue()), metrics, t0, progress, methods.size() + 1, sets);
      metricNanos += System.nanoTime() - t0;
      methods.add(new Entry(e.name(), e.scores(), e.perSample(), e.chance(), e.seconds() + made.seconds().getOrDefault(m.getKey(), 0.0),
          e.judged()));
    }
    List<Entry> baselines = new ArrayList<>();
    int[] sh = s.shape();
    Map<String, float[][]> refs = new LinkedHashMap<>();
    // the random maps of this part's items: the whole sample's stream from its first item on
    float[][] random = ReferenceMaps.random(s.first() + s.n(), sh[1], sh[2], judging.seed());
    refs.put(ReferenceMaps.RANDOM, java.util.Arrays.copyOfRange(random, s.first(), random.length));
    refs.put(ReferenceMaps.ENERGY, net == null ? ReferenceMaps.energy(s.inputs(), s.n(), sh[0], sh[1], sh[2])
        : ReferenceMaps.energy(net, s.inputs(), s.n()));
    for (Map.Entry<String, float[][]> r : refs.entrySet()) {
      long t0 = System.nanoTime();
      baselines.add(entry(r.getKey(), base.withMaps(r.getValue()), metrics, t0, progress, made.maps().size() + baselines.size() + 1, sets));
      metricNanos += System.nanoTime() - t0;
    }
    return new Study(methods, baselines, base.forwardPasses(), metricNanos / 1e9);
  }

  /**
   * The study of a whole sample from the studies of its parts ({@link StudyPart}, in item order),
   * each run with {@link #run} on {@link Samples#of(org.spectrolens.explain.DatasetInputs, List, int[], int, int) a part}:
   * per-item scores, maps and curves joined, means and chance levels computed as {@link #run} does
   * on the whole, so the result is the whole sample's. {@code whole} is the sample, {@code truth}
   * its masks (null when none).
   */
  public static Study merge(Samples whole, List<StudyPart> parts, List<MapMetric> metrics, Judging judging, boolean[][] truth) {
    int n = whole.n();
    int[] targets = new int[n];
    for (StudyPart p : parts) System.arraycopy(p.targets(), 0, targets, p.first(), p.targets().length);
    Judged base = Judged.of(null, whole.shape(), whole.inputs(), n, new float[n][], targets, whole.labels(), truth, whole.axes(), judging);
    List<Entry> entries = new ArrayList<>();
    long passes = 0;
    double metricSeconds = 0;
    StudyPart head = parts.get(0);
    for (int k = 0; k < head.entries().size(); k++) {
      float[][] maps = new float[n][];
      Map<String, double[]> perSample = new LinkedHashMap<>();
      Curves.Kind[] kinds = Curves.Kind.values();
      double[][][] prob = new double[kinds.length][n][];
      double[][][] correct = new double[kinds.length][n][];
      boolean[] curves = new boolean[kinds.length];
      java.util.Arrays.fill(curves, true);
      double seconds = 0;
      for (StudyPart p : parts) {
        StudyPart.EntryPart e = p.entries().get(k);
        System.arraycopy(e.maps(), 0, maps, p.first(), e.maps().length);
        for (Map.Entry<String, double[]> m : e.perSample().entrySet()) {
          System.arraycopy(m.getValue(), 0, perSample.computeIfAbsent(m.getKey(), id -> new double[n]), p.first(), m.getValue().length);
        }
        for (int c = 0; c < kinds.length; c++) {
          Curves part = e.curves().get(kinds[c]);
          if (part == null) {
            curves[c] = false;
            continue;
          }
          System.arraycopy(part.probability(), 0, prob[c], p.first(), part.probability().length);
          System.arraycopy(part.correct(), 0, correct[c], p.first(), part.correct().length);
        }
        seconds += e.seconds();
      }
      Judged j = base.withMaps(maps);
      for (int c = 0; c < kinds.length; c++) {
        if (!curves[c]) continue;
        Curves joined = new Curves(kinds[c], judging.fractions(), prob[c], correct[c]);
        j.memo("curves-" + kinds[c].id(), () -> joined); // as Curves.of would have remembered them
      }
      Map<String, Double> scores = new LinkedHashMap<>();
      Map<String, Double> chance = new LinkedHashMap<>();
      for (MapMetric m : metrics) {
        scores.put(m.id(), Stats.mean(perSample.get(m.id())));
        if (m instanceof LocalisationMetric l) chance.put(m.id(), l.chanceScore(j));
      }
      entries.add(new Entry(head.entries().get(k).name(), scores, perSample, chance, seconds, j));
    }
    for (StudyPart p : parts) {
      passes += p.forwardPasses();
      metricSeconds += p.metricSeconds();
    }
    int methods = head.methods();
    return new Study(List.copyOf(entries.subList(0, methods)), List.copyOf(entries.subList(methods, entries.size())), passes, metricSeconds);
  }

  /** This study as the part of a sample judged in parts that begins at item {@code first}. */
  public StudyPart part(int first) {
    List<StudyPart.EntryPart> out = new ArrayList<>();
    int[] targets = null;
    for (Entry e : all()) {
      Map<Curves.Kind, Curves> curves = new java.util.EnumMap<>(Curves.Kind.class);
      for (Curves.Kind k : Curves.Kind.values()) {
        Curves c = e.judged().remembered("curves-" + k.id());
        if (c != null) curves.put(k, c);
      }
      out.add(new StudyPart.EntryPart(e.name(), new LinkedHashMap<>(e.perSample()), e.judged().maps(), curves, e.seconds()));
      if (targets == null) {
        targets = new int[e.judged().n()];
        for (int i = 0; i < targets.length; i++) targets[i] = e.judged().target(i);
      }
    }
    return new StudyPart(first, targets, methods.size(), out, forwardPasses, metricSeconds);
  }

  private static Entry entry(String name, Judged j, List<MapMetric> metrics, long t0, Consumer<String> progress, int set, int sets) {
    Map<String, Double> scores = new LinkedHashMap<>();
    Map<String, double[]> perSample = new LinkedHashMap<>();
    Map<String, Double> chance = new LinkedHashMap<>();
    for (MapMetric m : metrics) {
      long m0 = System.nanoTime();
      double[] v = m.perSample(j);
      progress.accept(String.format(java.util.Locale.ROOT, "%s: %s in %.1f s (map set %d of %d)", name, m.id(),
          (System.nanoTime() - m0) / 1e9, set, sets));
      perSample.put(m.id(), v);
      scores.put(m.id(), Stats.mean(v));
      if (m instanceof LocalisationMetric l) chance.put(m.id(), l.chanceScore(j));
    }
    return new Entry(name, scores, perSample, chance, (System.nanoTime() - t0) / 1e9, j);
  }

  /**
   * One row per item and map set, {@code id,label,map,<metric>...} (header first; NaN where a
   * score is undefined): every per-item score behind the means, for readers that go item by item.
   */
  public List<String> itemRows(Samples s) {
    List<String> out = new ArrayList<>();
    List<Entry> all = all();
    if (all.isEmpty()) return out;
    List<String> ids = List.copyOf(all.get(0).perSample().keySet());
    out.add("id,label,map," + String.join(",", ids));
    for (Entry e : all) {
      for (int i = 0; i < s.n(); i++) {
        StringBuilder b = new StringBuilder(org.spectrolens.io.Csv.field(s.items().get(i).id())).append(',')
            .append(org.spectrolens.io.Csv.field(s.items().get(i).label())).append(',').append(e.name());
        for (String id : ids) b.append(',').append(String.format(java.util.Locale.ROOT, "%.6g", e.perSample().get(id)[i]));
        out.add(b.toString());
      }
    }
    return out;
  }

  /** The methods' scores as the result files hold them, by method id in the order asked. */
  public Map<String, MapScores> methodScores() {
    return scores(methods);
  }

  /** The reference maps' scores as the result files hold them: {@code random}, {@code energy}. */
  public Map<String, MapScores> baselineScores() {
    return scores(baselines);
  }

  /**
   * Each entry's mean scores and seconds; where {@code max_tied_cells} was scored, also on how many
   * items the maximum is a plateau and the largest plateau (the report says so).
   */
  private static Map<String, MapScores> scores(List<Entry> entries) {
    Map<String, MapScores> out = new LinkedHashMap<>();
    for (Entry e : entries) {
      double[] tied = e.perSample().get(Ties.MAX_TIED_CELLS);
      out.put(e.name(), new MapScores(e.scores(), e.seconds(), tied == null ? null : Plateaus.of(tied)));
    }
    return out;
  }

  /** {@code faithfulness.json}: these scores, what was judged ({@code run}) and how long it took. */
  public FaithfulnessResult faithfulness(JudgeRun run, FaithfulnessResult.Speed speed) {
    return new FaithfulnessResult(methodScores(), baselineScores(), run, speed);
  }

  /** {@code localisation.json}: these scores, each metric's chance level and what was judged ({@code run}). */
  public LocalisationResult localisation(JudgeRun run) {
    Map<String, Double> chance = methods.isEmpty() ? baselines.get(0).chance() : methods.get(0).chance();
    Judged any = all().get(0).judged();
    double share = any.hasTruth() ? Stats.mean(LocalisationMetric.truthShares(any)) : Double.NaN;
    return new LocalisationResult(methodScores(), baselineScores(), chance, run, Double.isNaN(share) ? null : share);
  }

  /** Every entry, methods first. */
  public List<Entry> all() {
    List<Entry> out = new ArrayList<>(methods);
    out.addAll(baselines);
    return out;
  }
}
