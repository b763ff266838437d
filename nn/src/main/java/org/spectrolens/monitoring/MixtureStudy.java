package org.spectrolens.monitoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.dataset.InputFormat;
import org.spectrolens.dataset.SpectrogramFeaturiser;
import org.spectrolens.explain.Options;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.render.OverlayImage;
import org.spectrolens.render.PanelFigure;
import org.spectrolens.render.SpectrogramImage;
import org.spectrolens.scene.IdealBinaryMask;
import org.spectrolens.scene.SceneCorpus;
import org.spectrolens.scene.SceneEvent;
import org.spectrolens.params.Param;
import org.spectrolens.params.Params;
import org.spectrolens.scene.SceneIndex;
import org.spectrolens.scene.SoundKind;
import org.spectrolens.spectrogram.Spectrogram;

/**
 * The monitoring thesis's qualitative study, measured: class discriminativity on mixtures of a
 * positive and a negative scene clip, visual coherence on positive clips, and the monitor-beep
 * confounder, for a model trained on a {@code synth-scene} dataset (classes {@code positive} and
 * {@code negative}), on the dataset's test split.
 *
 * <p>Mixtures: a positive clip P and a negative clip N (drawn with a seeded generator) are added as
 * {@code P + g N}, g setting the power ratio of P to gN (whole clips) to {@code snrDb}. Each class's
 * truth on the mixture is the ideal binary mask of its own event stem against everything else in
 * the mixture ({@link IdealBinaryMask}): the positive event's energy against the summed energies of
 * P's rest and gN's stems, the negative clip's sounds (times g) against gN's rest and P's stems
 * (summed energies, so the two masks never share a cell). Each method explains both classes on the
 * mixture; {@link Discriminativity#ownShare} scores each map against its own class's mask, with the
 * mask's area share as chance, and against the other class's mask (cross share). The same runs
 * for a random map and the energy map.
 *
 * <p>Over 300 lines on purpose: the study draws its pairs, gains and figures from one seeded
 * generator in one fixed order, so a seed reproduces discriminativity.json; its result records
 * are nested here because nothing else reads them.
 */
public final class MixtureStudy {
  public static final String POSITIVE = "positive";
  public static final String NEGATIVE = "negative";
  /** The thesis's four methods. */
  public static final List<String> THESIS_METHODS = List.of(org.spectrolens.explain.method.Explainers.THESIS_METHODS.split(","));

  /**
   * @param pairs mixtures to make
   * @param snrDb power of the positive clip over the (scaled) negative clip in each mixture, dB
   * @param methods explanation method ids
   * @param seed seed of the pairing, of the random map and of the methods' random steps
   * @param options explanation options
   * @param figures pairs drawn as Figure 3.11-style panels (0: none)
   */
  public record Settings(
      @Param(value = "mixtures to make", min = 1, max = 100_000) int pairs,
      @Param(value = "positive clip over negative clip, dB", min = -60, max = 60) double snrDb,
      List<String> methods,
      long seed,
      Options options,
      @Param(value = "pairs drawn as panels (0: none)", min = 0, max = 1000) int figures) {
    public static final int DEFAULT_PAIRS = 100;
    public static final int DEFAULT_FIGURES = 4;

    public Settings {
      Params.check(Settings.class, "pairs", pairs);
      Params.check(Settings.class, "figures", figures);
      Params.check(Settings.class, "snrDb", snrDb);
      if (methods.isEmpty()) throw SpectrolensException.ofParameter("methods", "name at least one method");
    }
  }

  /** Discriminativity of one method (or reference map), averaged over the pairs where the mask is not empty. */
  public record Share(
      @JsonProperty("own_share_positive") double ownSharePositive,
      @JsonProperty("own_share_negative") double ownShareNegative,
      @JsonProperty("chance") double chance,
      @JsonProperty("chance_positive") double chancePositive,
      @JsonProperty("chance_negative") double chanceNegative,
      @JsonProperty("cross_share_positive") double crossSharePositive,
      @JsonProperty("cross_share_negative") double crossShareNegative,
      @JsonProperty("pairs_positive") int pairsPositive,
      @JsonProperty("pairs_negative") int pairsNegative) {}

  /** Visual coherence of one method on the positive clips alone (mean Pearson r over clips). */
  public record Coherence(
      @JsonProperty("event_energy_r") double eventEnergyR,
      @JsonProperty("clip_energy_r") double clipEnergyR,
      int clips) {}

  /** The model's positive-class probability over a group of test clips. */
  public record Group(int n, @JsonProperty("mean_p_positive") double meanPositive, @JsonProperty("predicted_positive") double predictedPositive) {}

  /** Share of a method's positive-class map on the beep cells of negative clips with beeps, beside the cells' area. */
  public record BeepShare(double share, double area, int clips) {}

  /**
   * Does the model lean on the monitor beeps (pure tones near 1 kHz, the wheeze's confounder)?
   * Predictions on the test split grouped by label and by whether the clip holds a beep, and where
   * the positive-class maps of beep-holding negative clips put their mass.
   */
  public record Confounder(
      @JsonProperty("negatives_with_beep") Group negativesWithBeep,
      @JsonProperty("negatives_without_beep") Group negativesWithoutBeep,
      @JsonProperty("positives_with_beep") Group positivesWithBeep,
      @JsonProperty("positives_without_beep") Group positivesWithoutBeep,
      @JsonProperty("beep_share") Map<String, BeepShare> beepShare) {}

  /** Everything the study measured (discriminativity.json). */
  public record Report(
      String model, String data, int pairs, @JsonProperty("snr_db") double snrDb, long seed, String baseline,
      @JsonProperty("mixtures_predicted_positive") double mixturesPredictedPositive,
      @JsonProperty("methods") Map<String, Share> discriminativity,
      Map<String, Coherence> coherence, Confounder confounder, List<String> figures, double seconds) {}

  /** A scene clip (one dataset item) with its stems. */
  private record Source(DatasetItem item, SceneIndex.Entry entry, Clip event, Clip rest) {
    Clip clip() {
      return add(event, rest, 1);
    }
  }

  private final TrainedModel model;
  private final CachedDataset data;
  private final Settings settings;
  private final InputFormat format;
  private final SpectrogramFeaturiser featuriser;
  private final int pos;
  private final int neg;
  private final Map<Path, SceneIndex> indices = new HashMap<>();

  public MixtureStudy(TrainedModel model, CachedDataset data, Settings settings) {
    this.model = model;
    this.data = data;
    this.settings = settings;
    List<String> classes = model.config().classes();
    this.pos = classes.indexOf(POSITIVE);
    this.neg = classes.indexOf(NEGATIVE);
    if (pos < 0 || neg < 0) {
      throw new SpectrolensException(model.dir().toString(), "has classes " + classes + "; the study needs 'positive' and 'negative' (a model trained on a synth-scene dataset)");
    }
    if (model.config().dataset() == null) throw new SpectrolensException(model.dir().toString(), "config.json has no dataset front end");
    this.format = InputFormat.of(model.config().dataset());
    this.featuriser = new SpectrogramFeaturiser(format);
    // a cost bound, before any work: mixtures beyond the distinct (positive, negative) pairs only repeat ones already explained
    long p = data.items().stream().filter(i -> i.split().equals("test") && i.label().equals(POSITIVE)).count();
    long q = data.items().stream().filter(i -> i.split().equals("test") && i.label().equals(NEGATIVE)).count();
    if (p > 0 && q > 0 && settings.pairs() > p * q) {
      throw SpectrolensException.ofParameter("pairs", String.format(java.util.Locale.ROOT,
          "%d mixtures (each explained %d times: both classes, %d map sources), but the test split's %d positive and %d"
              + " negative clips make only %d different pairs; at most %d", settings.pairs(), 2 * (settings.methods().size() + 2),
          settings.methods().size() + 2, p, q, p * q, p * q));
    }
  }

  /** The map sources of a run: the settings' methods, then the random and energy reference maps. */
  public List<MapSource> sources() {
    List<MapSource> out = new ArrayList<>();
    for (String m : settings.methods()) out.add(MapSource.method(m, settings.options().withSeed(settings.seed())));
    out.add(MapSource.random(settings.seed()));
    out.add(MapSource.energy());
    return out;
  }

  /** Runs the study with {@link #sources}; figures go to {@code figureDir} (null: none). */
  public Report run(Path figureDir) {
    return run(sources(), figureDir);
  }

  /** Runs the study with the given map sources. */
  public Report run(List<MapSource> sources, Path figureDir) {
    long t0 = System.nanoTime();
    List<DatasetItem> test = data.items().stream().filter(i -> i.split().equals("test")).toList();
    List<DatasetItem> positives = new ArrayList<>(test.stream().filter(i -> i.label().equals(POSITIVE)).toList());
    List<DatasetItem> negatives = new ArrayList<>(test.stream().filter(i -> i.label().equals(NEGATIVE)).toList());
    if (positives.isEmpty() || negatives.isEmpty()) {
      throw new SpectrolensException(data.dir().toString(), "the test split needs positive and negative items");
    }
    Random rng = new Random(settings.seed());
    Collections.shuffle(positives, rng);
    Collections.shuffle(negatives, rng);
    int n = settings.pairs();
    Network net = model.network();
    int size = net.inputShape()[0] * net.inputShape()[1] * net.inputShape()[2];

    // the mixtures, their inputs and each class's truth on them
    Source[] p = new Source[n];
    Source[] q = new Source[n];
    Clip[] mixtures = new Clip[n];
    double[] gains = new double[n];
    boolean[][][] posTruth = new boolean[n][][];
    boolean[][][] negTruth = new boolean[n][][];
    float[] inputs = new float[n * size];
    Map<DatasetItem, Source> loaded = new HashMap<>();
    int np = positives.size();
    int nq = negatives.size();
    long cycle = (long) np / gcd(np, nq) * nq; // i and i + lcm(np, nq) would pair the same clips: shift the negatives by one each cycle
    for (int i = 0; i < n; i++) {
      p[i] = loaded.computeIfAbsent(positives.get(i % np), this::source);
      q[i] = loaded.computeIfAbsent(negatives.get((int) ((i + i / cycle) % nq)), this::source);
      Clip a = p[i].clip();
      Clip b = q[i].clip();
      gains[i] = Math.sqrt(power(a) / (Math.max(power(b), 1e-20) * Math.pow(10, settings.snrDb() / 10)));
      mixtures[i] = add(a, b, gains[i]);
      // energies of the four stems on the model's grid; gN's are g^2 times N's
      float[][] pe = IdealBinaryMask.energy(p[i].event(), format);
      float[][] pr = IdealBinaryMask.energy(p[i].rest(), format);
      float[][] ne = IdealBinaryMask.energy(q[i].event(), format);
      float[][] nr = IdealBinaryMask.energy(q[i].rest(), format);
      double g2 = gains[i] * gains[i];
      posTruth[i] = IdealBinaryMask.of(pe, IdealBinaryMask.sum(new double[] {1, g2, g2}, pr, ne, nr), IdealBinaryMask.DEFAULT_MARGIN_DB,
          IdealBinaryMask.DEFAULT_FLOOR_DB);
      negTruth[i] = IdealBinaryMask.of(IdealBinaryMask.sum(new double[] {g2}, ne), IdealBinaryMask.sum(new double[] {g2, 1, 1}, nr, pe, pr),
          IdealBinaryMask.DEFAULT_MARGIN_DB, IdealBinaryMask.DEFAULT_FLOOR_DB);
      System.arraycopy(model.input(featuriser.featurise(mixtures[i]).values()), 0, inputs, i * size, size);
    }
    // an SNR so far from 0 dB that one class's events are masked in every mixture leaves its share undefined: refused before the maps
    for (boolean[][][] truth : List.of(posTruth, negTruth)) {
      if (Arrays.stream(truth).allMatch(t -> IdealBinaryMask.area(t) == 0)) {
        throw SpectrolensException.ofParameter("snr_db", String.format(java.util.Locale.ROOT,
            "at %s dB the %s clips' events are drowned in all %d mixtures (their ideal binary masks are empty), so no share can be"
                + " measured; choose an SNR nearer 0 dB", Params.number(settings.snrDb()), truth == posTruth ? POSITIVE : NEGATIVE, n));
      }
    }
    double predictedPositive = 0;
    for (float[] l : model.logits(inputs, n)) if (TrainedModel.softmax(l)[pos] > 0.5) predictedPositive++;
    predictedPositive /= n;

    Map<String, Share> shares = new LinkedHashMap<>();
    Map<String, float[][][][]> figureMaps = new LinkedHashMap<>();
    for (MapSource s : sources) {
      float[][][] mp = s.maps(net, inputs, n, pos, posTruth);
      float[][][] mn = s.maps(net, inputs, n, neg, negTruth);
      shares.put(s.id(), share(mp, mn, posTruth, negTruth));
      figureMaps.put(s.id(), new float[][][][] {mp, mn});
    }

    // visual coherence on the positive clips alone (the thesis looked at the positive class only)
    List<Source> alone = new ArrayList<>();
    for (Source s : p) if (!alone.contains(s)) alone.add(s);
    float[] aloneInputs = new float[alone.size() * size];
    float[][][] eventGrids = new float[alone.size()][][];
    float[][][] clipGrids = new float[alone.size()][][];
    boolean[][][] aloneTruth = new boolean[alone.size()][][];
    for (int i = 0; i < alone.size(); i++) {
      Spectrogram g = featuriser.featurise(alone.get(i).clip());
      clipGrids[i] = g.values();
      eventGrids[i] = featuriser.featurise(alone.get(i).event()).values();
      aloneTruth[i] = IdealBinaryMask.of(alone.get(i).event(), alone.get(i).rest(), format);
      System.arraycopy(model.input(g.values()), 0, aloneInputs, i * size, size);
    }
    Map<String, Coherence> coherence = new LinkedHashMap<>();
    for (MapSource s : sources) {
      float[][][] m = s.maps(net, aloneInputs, alone.size(), pos, aloneTruth);
      double re = 0;
      double rc = 0;
      int k = 0;
      for (int i = 0; i < alone.size(); i++) {
        double a = VisualCoherence.correlation(m[i], eventGrids[i]);
        double b = VisualCoherence.correlation(m[i], clipGrids[i]);
        if (Double.isNaN(a) || Double.isNaN(b)) continue;
        re += a;
        rc += b;
        k++;
      }
      coherence.put(s.id(), new Coherence(k == 0 ? Double.NaN : re / k, k == 0 ? Double.NaN : rc / k, k));
    }

    List<String> figures = new ArrayList<>();
    Confounder confounder = confounder(test, sources, net, size, figureDir, figures);
    if (figureDir != null) figures.addAll(0, figures(figureDir, sources, p, q, mixtures, gains, figureMaps));
    return new Report(model.dir().toString(), data.dir().toString(), n, settings.snrDb(), settings.seed(),
        settings.options().baseline().id(), predictedPositive, shares, coherence, confounder, figures, (System.nanoTime() - t0) / 1e9);
  }

  private static Share share(float[][][] mp, float[][][] mn, boolean[][][] posTruth, boolean[][][] negTruth) {
    double ownP = 0, ownN = 0, crossP = 0, crossN = 0, chanceP = 0, chanceN = 0;
    int kp = 0;
    int kn = 0;
    for (int i = 0; i < mp.length; i++) {
      double areaP = IdealBinaryMask.area(posTruth[i]);
      double areaN = IdealBinaryMask.area(negTruth[i]);
      double o = Discriminativity.ownShare(mp[i], posTruth[i]);
      if (areaP > 0 && !Double.isNaN(o)) {
        ownP += o;
        crossP += Discriminativity.ownShare(mp[i], negTruth[i]);
        chanceP += areaP;
        kp++;
      }
      o = Discriminativity.ownShare(mn[i], negTruth[i]);
      if (areaN > 0 && !Double.isNaN(o)) {
        ownN += o;
        crossN += Discriminativity.ownShare(mn[i], posTruth[i]);
        chanceN += areaN;
        kn++;
      }
    }
    double cp = kp == 0 ? Double.NaN : chanceP / kp;
    double cn = kn == 0 ? Double.NaN : chanceN / kn;
    return new Share(kp == 0 ? Double.NaN : ownP / kp, kn == 0 ? Double.NaN : ownN / kn, (cp + cn) / 2, cp, cn,
        kp == 0 ? Double.NaN : crossP / kp, kn == 0 ? Double.NaN : crossN / kn, kp, kn);
  }

  /** The beep confounder; with a figure directory, {@code beeps.png} (positive-class maps of beep-holding negative clips). */
  private Confounder confounder(List<DatasetItem> test, List<MapSource> sources, Network net, int size, Path figureDir, List<String> figures) {
    float[] inputs = new float[test.size() * size];
    Spectrogram[] grids = new Spectrogram[test.size()];
    for (int i = 0; i < test.size(); i++) {
      DatasetItem it = test.get(i);
      grids[i] = featuriser.featurise(AudioFile.read(Path.of(it.source()), it.start(), it.end()));
      System.arraycopy(model.input(grids[i].values()), 0, inputs, i * size, size);
    }
    float[][] logits = model.logits(inputs, test.size());
    double[][] sums = new double[4][3]; // [group][n, sum p, predicted positive]
    List<Integer> beepNegatives = new ArrayList<>();
    for (int i = 0; i < test.size(); i++) {
      DatasetItem it = test.get(i);
      boolean beep = entry(it).holds(SoundKind.BEEP);
      boolean positive = it.label().equals(POSITIVE);
      int g = (positive ? 2 : 0) + (beep ? 0 : 1);
      double pp = TrainedModel.softmax(logits[i])[pos];
      sums[g][0]++;
      sums[g][1] += pp;
      if (pp > 0.5) sums[g][2]++;
      if (!positive && beep && beepNegatives.size() < settings.pairs()) beepNegatives.add(i);
    }
    Map<String, BeepShare> beepShare = new LinkedHashMap<>();
    if (!beepNegatives.isEmpty()) {
      int m = beepNegatives.size();
      float[] x = new float[m * size];
      boolean[][][] masks = new boolean[m][][];
      for (int k = 0; k < m; k++) {
        int i = beepNegatives.get(k);
        System.arraycopy(inputs, i * size, x, k * size, size);
        masks[k] = beepCells(entry(test.get(i)), grids[i], test.get(i).start());
      }
      Map<String, float[][][]> all = new LinkedHashMap<>();
      for (MapSource s : sources) {
        float[][][] maps = s.maps(net, x, m, pos, masks);
        all.put(s.id(), maps);
        double share = 0;
        double area = 0;
        int k2 = 0;
        for (int k = 0; k < m; k++) {
          double o = Discriminativity.ownShare(maps[k], masks[k]);
          if (Double.isNaN(o)) continue;
          share += o;
          area += IdealBinaryMask.area(masks[k]);
          k2++;
        }
        beepShare.put(s.id(), new BeepShare(k2 == 0 ? Double.NaN : share / k2, k2 == 0 ? Double.NaN : area / k2, k2));
      }
      int shown = Math.min(settings.figures(), m);
      if (figureDir != null && shown > 0) {
        List<PanelFigure.Panel> panels = new ArrayList<>();
        int columns = 1;
        for (int k = 0; k < shown; k++) {
          int i = beepNegatives.get(k);
          double pp = TrainedModel.softmax(logits[i])[pos];
          String title = String.format(java.util.Locale.ROOT, "%s: %s, p(positive) %.2f", test.get(i).id(),
              String.join("+", entry(test.get(i)).kinds().stream().map(SoundKind::id).toList()), pp);
          panels.add(PanelFigure.Panel.of(SpectrogramImage.defaults().withTitle(title).render(grids[i]), ""));
          columns = 1;
          for (Map.Entry<String, float[][][]> e : all.entrySet()) {
            if (e.getKey().equals(MapSource.RANDOM) || e.getKey().equals(MapSource.ENERGY)) continue;
            panels.add(PanelFigure.Panel.of(OverlayImage.defaults().withTitle(e.getKey() + " -> positive").render(grids[i], e.getValue()[k]), ""));
            columns++;
          }
        }
        PanelFigure.defaults().withColumns(columns).withTitle("Negative clips with monitor beeps: where the positive class looks")
            .write(panels, figureDir.resolve("beeps.png"));
        figures.add("beeps.png");
      }
    }
    return new Confounder(group(sums[0]), group(sums[1]), group(sums[2]), group(sums[3]), beepShare);
  }

  private static Group group(double[] s) {
    return new Group((int) s[0], s[0] == 0 ? Double.NaN : s[1] / s[0], s[0] == 0 ? Double.NaN : s[2] / s[0]);
  }

  /** The cells of a clip's beeps: rows whose band reaches within 30 Hz of the tone, columns within its span. */
  static boolean[][] beepCells(SceneIndex.Entry e, Spectrogram grid, double itemStart) {
    boolean[][] m = new boolean[grid.rows()][grid.columns()];
    for (SceneEvent ev : e.events()) {
      if (ev.kind() != SoundKind.BEEP) continue;
      for (int r = 0; r < grid.rows(); r++) {
        if (grid.frequencies().upperEdgeHz(r) < ev.f0Min() - 30 || grid.frequencies().lowerEdgeHz(r) > ev.f0Max() + 30) continue;
        for (int c = 0; c < grid.columns(); c++) {
          double t = grid.times().seconds(c) - itemStart;
          if (t >= ev.onset() && t <= ev.offset()) m[r][c] = true;
        }
      }
    }
    return m;
  }

  private List<String> figures(Path dir, List<MapSource> sources, Source[] p, Source[] q, Clip[] mixtures, double[] gains,
      Map<String, float[][][][]> mixtureMaps) {
    List<String> written = new ArrayList<>();
    Network net = model.network();
    int size = net.inputShape()[0] * net.inputShape()[1] * net.inputShape()[2];
    List<String> classes = model.config().classes();
    int count = Math.min(settings.figures(), p.length);
    for (int i = 0; i < count; i++) {
      Spectrogram gn = featuriser.featurise(scale(q[i].clip(), gains[i]));
      Spectrogram gp = featuriser.featurise(p[i].clip());
      Spectrogram gm = featuriser.featurise(mixtures[i]);
      float[] xn = model.input(gn.values());
      float[] xp = model.input(gp.values());
      float[] xm = model.input(gm.values());
      double pm = TrainedModel.softmax(model.logits(xm, 1)[0])[pos];
      boolean[][] truthN = IdealBinaryMask.of(scale(q[i].event(), gains[i]), scale(q[i].rest(), gains[i]), format);
      boolean[][] truthP = IdealBinaryMask.of(p[i].event(), p[i].rest(), format);
      List<PanelFigure.Panel> panels = new ArrayList<>();
      String[] rowTitles = {
          "negative alone: " + kinds(q[i]), "positive alone: " + kinds(p[i]),
          String.format(java.util.Locale.ROOT, "mixture (p(positive) %.2f)", pm), "mixture"};
      Spectrogram[] rowGrids = {gn, gp, gm, gm};
      int[] rowTargets = {neg, pos, pos, neg};
      for (int row = 0; row < 4; row++) {
        panels.add(PanelFigure.Panel.of(SpectrogramImage.defaults().withTitle(rowTitles[row]).render(rowGrids[row]), ""));
        for (MapSource s : sources) {
          if (s.id().equals(MapSource.RANDOM) || s.id().equals(MapSource.ENERGY)) continue;
          float[][] map;
          if (row < 2) map = s.maps(net, row == 0 ? xn : xp, 1, rowTargets[row], new boolean[][][] {row == 0 ? truthN : truthP})[0];
          else map = mixtureMaps.get(s.id())[row == 2 ? 0 : 1][i];
          String title = s.id() + " -> " + classes.get(rowTargets[row]);
          panels.add(PanelFigure.Panel.of(OverlayImage.defaults().withTitle(title).render(rowGrids[row], map), ""));
        }
      }
      int columns = 1 + (int) sources.stream().filter(s -> !s.id().equals(MapSource.RANDOM) && !s.id().equals(MapSource.ENERGY)).count();
      String name = String.format(java.util.Locale.ROOT, "pair-%02d.png", i + 1);
      PanelFigure.defaults().withColumns(columns)
          .withTitle(String.format(java.util.Locale.ROOT, "%s + %s at %.0f dB", p[i].item().id(), q[i].item().id(), settings.snrDb()))
          .write(panels, dir.resolve(name));
      written.add(name);
    }
    return written;
  }

  private static String kinds(Source s) {
    return String.join("+", s.entry().kinds().stream().map(SoundKind::id).toList());
  }

  private Source source(DatasetItem item) {
    Path file = Path.of(item.source());
    Clip event = AudioFile.read(SceneCorpus.eventStem(file), item.start(), item.end());
    Clip rest = AudioFile.read(SceneCorpus.restStem(file), item.start(), item.end());
    return new Source(item, entry(item), event, rest);
  }

  private SceneIndex.Entry entry(DatasetItem item) {
    Path root = SceneIndex.rootOf(Path.of(item.source()));
    return indices.computeIfAbsent(root, SceneIndex::read).of(item.source());
  }

  private static double power(Clip c) {
    double s = 0;
    for (float v : c.samples()) s += (double) v * v;
    return s / Math.max(1, c.samples().length);
  }

  /** a + g b, sample by sample (the shorter is zero-padded). */
  static Clip add(Clip a, Clip b, double g) {
    int n = Math.max(a.samples().length, b.samples().length);
    float[] s = new float[n];
    for (int i = 0; i < a.samples().length; i++) s[i] += a.samples()[i];
    for (int i = 0; i < b.samples().length; i++) s[i] += (float) (g * b.samples()[i]);
    return new Clip(s, a.sampleRate(), a.source(), a.offsetSeconds());
  }

  static Clip scale(Clip a, double g) {
    return add(new Clip(new float[a.samples().length], a.sampleRate(), a.source(), a.offsetSeconds()), a, g);
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
