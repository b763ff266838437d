package org.spectrolens.synth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.synth.channel.Channel;

/**
 * Checks the synthetic corpus against the numbers it was built from, with Praat's Burg formant
 * tracker as the independent measurement (not a unit test: it takes a few minutes).
 *
 * <ol>
 *   <li>Isolated steady vowels of each group: median relative error of measured F1/F2 against
 *       the synthesiser's targets, per vowel (the target: at most 10 %).
 *   <li>A corpus ({@code DIR}, written first when it has no metadata.csv): F1/F2 measured at the
 *       midpoint of every stressed target vowel; per group and vowel, the measured mean and SD
 *       against Hillenbrand's published mean and SD (the target: within 15 %), and the median
 *       error against the driving tracks.
 * </ol>
 *
 * Usage: {@code SynthValidation DIR [UTTERANCES [SEED [VOWELS [VOICES [CHANNELS]]]]]} (VOWELS citation|connected,
 * VOICES uniform|varied, CHANNELS clean|varied: the corpus options of {@code synth}); exit status 0 when all checks pass.
 */
public final class SynthValidation {
  /** Candidate Praat formant ceilings (Hz) for the per-talker choice. */
  static final double[] CEILINGS = {4500, 5000, 5500, 6000, 6500};

  private SynthValidation() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: SynthValidation DIR [UTTERANCES [SEED [VOWELS [VOICES [CHANNELS]]]]]");
      System.exit(2);
    }
    if (!PraatFormants.available()) {
      System.err.println("SynthValidation: praat is not installed");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : SynthCorpus.DEFAULT_UTTERANCES;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    VowelSystem vowels = args.length > 3 ? VowelSystem.parse(args[3]) : VowelSystem.CITATION;
    VoiceQuality.Variety voices = args.length > 4 ? VoiceQuality.Variety.parse(args[4]) : VoiceQuality.Variety.UNIFORM;
    Channel.Variety channels = args.length > 5 ? Channel.Variety.parse(args[5]) : Channel.Variety.CLEAN;
    Path isolated = Files.createTempDirectory("spectrolens-isolated-vowels");
    boolean ok = isolatedVowels(isolated);
    try (var files = Files.list(isolated)) {
      for (Path f : files.toList()) Files.delete(f);
    }
    Files.delete(isolated);
    ok &= corpus(dir, n, seed, vowels, voices, channels);
    System.out.println(ok ? "ALL CHECKS PASS" : "SOME CHECKS FAIL");
    System.exit(ok ? 0 : 1);
  }

  /**
   * Result of measuring isolated vowels: median |relative error| of F1 and F2 for a vowel, in one
   * group or, with group "all", pooled over the groups.
   */
  public record VowelErrors(String group, String vowel, double f1, double f2, int n) {}

  /**
   * Synthesises, per group and target vowel, the group-mean token and {@code drawn} tokens of
   * random talkers as 300 ms steady vowels and measures them with Praat at the group's ceiling
   * ({@link SpeakerGroup#formantCeiling}). Pooled rows come first.
   */
  public static List<VowelErrors> measureIsolated(Path dir, int drawn) throws Exception {
    Files.createDirectories(dir);
    List<PraatFormants.Job> jobs = new ArrayList<>();
    List<double[]> targets = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(7);
    for (SpeakerGroup g : SpeakerGroup.values()) {
      for (String v : VowelNorms.TARGET_VOWELS) {
        for (int k = 0; k <= drawn; k++) {
          Speaker spk = k == 0 ? new Speaker("mean", g, 0, g.f0Mean, 1) : Speaker.draw("x", g, rng);
          double[] f = k == 0 ? VowelNorms.of(g, v).mean().clone() : spk.drawVowel(v, rng);
          UtterancePlan plan = Planner.isolatedVowel(spk, v + "1", f, 0.3);
          Tracks tr = Tracks.of(plan);
          float[] s = FormantSynthesizer.render(plan, tr, SynthCorpus.DEFAULT_SAMPLE_RATE, rng);
          Path wav = dir.resolve(String.format(Locale.ROOT, "%s-%s-%d.wav", g.letter, v, k));
          WavWriter.writePcm16(wav, new org.spectrolens.audio.Clip(s, SynthCorpus.DEFAULT_SAMPLE_RATE));
          jobs.add(new PraatFormants.Job(wav, 0.25, g.formantCeiling));
          targets.add(f);
          cells.add(g.name().toLowerCase(Locale.ROOT) + " " + v);
        }
      }
    }
    List<double[]> measured = PraatFormants.measure(jobs);
    List<VowelErrors> out = new ArrayList<>();
    List<String> groups = new ArrayList<>(List.of("all"));
    for (SpeakerGroup g : SpeakerGroup.values()) groups.add(g.name().toLowerCase(Locale.ROOT));
    for (String group : groups) {
      for (String v : VowelNorms.TARGET_VOWELS) {
        List<Double> e1 = new ArrayList<>();
        List<Double> e2 = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
          if (!cells.get(i).endsWith(" " + v) || !(group.equals("all") || cells.get(i).startsWith(group + " "))) continue;
          e1.add(relError(measured.get(i)[0], targets.get(i)[0]));
          e2.add(relError(measured.get(i)[1], targets.get(i)[1]));
        }
        out.add(new VowelErrors(group, v, median(e1), median(e2), e1.size()));
      }
    }
    return out;
  }

  private static boolean isolatedVowels(Path dir) throws Exception {
    List<VowelErrors> errs = measureIsolated(dir, 4);
    System.out.println("## Isolated steady vowels (per group: the mean token + 4 drawn tokens), Praat Burg vs targets");
    System.out.println("| group | vowel | n | median abs F1 error | median abs F2 error |");
    System.out.println("| --- | --- | --- | --- | --- |");
    boolean ok = true;
    for (VowelErrors e : errs) {
      System.out.printf(Locale.ROOT, "| %s | %s | %d | %.1f %% | %.1f %% |%n", e.group(), e.vowel(), e.n(), 100 * e.f1(), 100 * e.f2());
      ok &= e.f1() <= 0.10 && e.f2() <= 0.10;
    }
    System.out.println();
    return ok;
  }

  private static boolean corpus(Path dir, int n, long seed, VowelSystem vowels, VoiceQuality.Variety voices, Channel.Variety channels)
      throws Exception {
    SynthCorpus corpus = new SynthCorpus(seed, n, SynthCorpus.DEFAULT_SAMPLE_RATE, new Talkers(vowels, voices, 20), channels);
    if (!Files.exists(dir.resolve("metadata.csv"))) {
      SynthCorpus.Summary s = corpus.write(dir, i -> { });
      System.out.printf(Locale.ROOT, "wrote %d utterances (%.0f s of audio) in %.1f s%n%n", s.utterances(), s.audioSeconds(), s.wallSeconds());
    }
    List<PraatFormants.Job> jobs = new ArrayList<>();
    List<double[]> truth = new ArrayList<>();
    List<String> cell = new ArrayList<>();
    List<String> speaker = new ArrayList<>();
    List<String> condition = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      UtterancePlan plan = corpus.plan(i);
      String channel = conditions(corpus.channel(i));
      Tracks tr = Tracks.of(plan);
      Path wav = dir.resolve("wavs").resolve(corpus.id(i) + ".wav");
      for (UtterancePlan.Segment s : plan.segments()) {
        if (s.label().isEmpty() || Phone.stress(s.label()) < 1) continue;
        String v = Phone.of(s.label()).name();
        if (!Arrays.asList(VowelNorms.TARGET_VOWELS).contains(v)) continue;
        double mid = (s.start() + s.end()) / 2;
        SpeakerGroup g = plan.speaker().group();
        jobs.add(new PraatFormants.Job(wav, mid, 0));
        truth.add(new double[] {tr.formantAt(1, mid), tr.formantAt(2, mid)});
        cell.add(g.name() + " " + v);
        speaker.add(plan.speaker().id());
        condition.add(channel);
      }
    }
    // Formant ceiling per talker, chosen from the audio alone as Escudero et al. (2009) do: the
    // ceiling (of CEILINGS) that minimises the talker's within-vowel variance of log F1 and log F2.
    long t0 = System.nanoTime();
    List<List<double[]>> byCeiling = new ArrayList<>();
    for (double c : CEILINGS) {
      List<PraatFormants.Job> js = jobs.stream().map(j -> new PraatFormants.Job(j.wav(), j.time(), c)).toList();
      byCeiling.add(PraatFormants.measure(js));
    }
    java.util.Map<String, Integer> chosen = new java.util.TreeMap<>();
    for (String spk : new java.util.TreeSet<>(speaker)) {
      int best = 0;
      double bestCost = Double.POSITIVE_INFINITY;
      for (int c = 0; c < CEILINGS.length; c++) {
        double cost = 0;
        for (String v : VowelNorms.TARGET_VOWELS) {
          for (int k = 0; k < 2; k++) {
            List<Double> logs = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
              if (!speaker.get(i).equals(spk) || !cell.get(i).endsWith(" " + v)) continue;
              double f = byCeiling.get(c).get(i)[k];
              logs.add(Double.isNaN(f) ? Math.log(10) : Math.log(f)); // a miss costs as a gross error
            }
            if (logs.size() > 1) cost += meanSd(logs)[1] * meanSd(logs)[1] * (logs.size() - 1);
          }
        }
        if (cost < bestCost) {
          bestCost = cost;
          best = c;
        }
      }
      chosen.put(spk, best);
    }
    List<double[]> measured = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) measured.add(byCeiling.get(chosen.get(speaker.get(i))).get(i));
    System.out.printf(Locale.ROOT, "Praat measured %d vowel midpoints at %d ceilings in %.0f s%n", jobs.size(), CEILINGS.length,
        (System.nanoTime() - t0) / 1e9);
    for (SpeakerGroup g : SpeakerGroup.values()) {
      int[] count = new int[CEILINGS.length];
      for (int s = 0; s < n && s < 999; s++) {
        String id = corpus.speakerOf(s).id();
        if (corpus.speakerOf(s).group() == g && chosen.containsKey(id) && s < corpus.speakerCount()) count[chosen.get(id)]++;
      }
      StringBuilder b = new StringBuilder();
      for (int c = 0; c < CEILINGS.length; c++) b.append(String.format(Locale.ROOT, " %.0f Hz: %d", CEILINGS[c], count[c]));
      System.out.println("ceilings chosen, " + g.name().toLowerCase(Locale.ROOT) + ":" + b);
    }
    System.out.println();
    boolean ok = table("ceiling chosen per talker", measured, truth, cell);
    List<double[]> fixed = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      SpeakerGroup g = SpeakerGroup.valueOf(cell.get(i).split(" ")[0]);
      fixed.add(byCeiling.get(Arrays.binarySearch(CEILINGS, g.formantCeiling)).get(i));
    }
    table("fixed group ceiling (5000 / 5500 / 6500 Hz), for comparison", fixed, truth, cell);
    if (channels != Channel.Variety.CLEAN) byChannel(measured, truth, condition);
    return ok;
  }

  /** The conditions an utterance's channel falls in, space-separated, e.g. {@code telephone noise:pink snr:5-15 rt60:0.4-0.8}. */
  private static String conditions(Channel c) {
    String snr = Double.isNaN(c.snrDb()) ? "none" : c.snrDb() < 15 ? "5-15" : c.snrDb() < 25 ? "15-25" : "25-35";
    String rt60 = c.room() == null ? "none" : c.room().rt60() < 0.4 ? "0.15-0.4" : "0.4-0.8";
    return (c.telephone() ? "telephone:yes" : "telephone:no") + " noise:" + c.noise().label() + " snr:" + snr + " rt60:" + rt60;
  }

  /** Median |Praat - track| of F1 and F2 per channel condition, pooled over groups and vowels. */
  private static void byChannel(List<double[]> measured, List<double[]> truth, List<String> condition) {
    System.out.println("## Median abs error vs track by channel condition (all groups and vowels)");
    System.out.println("| condition | n | F1 | F2 |");
    System.out.println("| --- | --- | --- | --- |");
    java.util.TreeSet<String> all = new java.util.TreeSet<>();
    for (String c : condition) all.addAll(List.of(c.split(" ")));
    all.add("all");
    for (String key : all) {
      List<Double> e1 = new ArrayList<>();
      List<Double> e2 = new ArrayList<>();
      for (int i = 0; i < measured.size(); i++) {
        if (!key.equals("all") && !List.of(condition.get(i).split(" ")).contains(key)) continue;
        e1.add(relError(measured.get(i)[0], truth.get(i)[0]));
        e2.add(relError(measured.get(i)[1], truth.get(i)[1]));
      }
      System.out.printf(Locale.ROOT, "| %s | %d | %.1f %% | %.1f %% |%n", key, e1.size(), 100 * median(e1), 100 * median(e2));
    }
    System.out.println();
  }

  /** Prints the per-group, per-vowel table; true when every mean and SD is within 15 %. */
  private static boolean table(String title, List<double[]> measured, List<double[]> truth, List<String> cell) {
    boolean ok = true;
    System.out.println("## Corpus vowels, " + title + ": measured (Praat Burg) vs published (Hillenbrand et al. 1995), Hz");
    System.out.println("| group | vowel | n (gross) | F1 measured | F1 drawn | F1 published | dMean | dSD | F2 measured | F2 drawn | F2 published | dMean | dSD | raw SD F1 / F2 | median abs err vs track F1 / F2 |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    int undefined = 0;
    int grossTotal = 0;
    for (SpeakerGroup g : SpeakerGroup.values()) {
      for (String v : VowelNorms.TARGET_VOWELS) {
        List<Double> m1 = new ArrayList<>();
        List<Double> m2 = new ArrayList<>();
        List<Double> e1 = new ArrayList<>();
        List<Double> e2 = new ArrayList<>();
        List<Double> t1 = new ArrayList<>();
        List<Double> t2 = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
          if (!cell.get(i).equals(g.name() + " " + v)) continue;
          t1.add(truth.get(i)[0]);
          t2.add(truth.get(i)[1]);
          double[] m = measured.get(i);
          if (Double.isNaN(m[0]) || Double.isNaN(m[1])) {
            undefined++;
            continue;
          }
          m1.add(m[0]);
          m2.add(m[1]);
          e1.add(relError(m[0], truth.get(i)[0]));
          e2.add(relError(m[1], truth.get(i)[1]));
        }
        double raw1 = meanSd(m1)[1];
        double raw2 = meanSd(m2)[1];
        // Gross tracking errors (Hillenbrand et al. corrected theirs by hand): tokens whose log F1
        // or log F2 lies more than 4 robust SDs (1.4826 MAD) from the cell's median are left out.
        boolean[] gross = grossErrors(m1, m2);
        int rejected = 0;
        for (int i = gross.length - 1; i >= 0; i--) {
          if (gross[i]) {
            m1.remove(i);
            m2.remove(i);
            rejected++;
          }
        }
        grossTotal += rejected;
        VowelNorms.Stats pub = VowelNorms.of(g, v);
        double[] s1 = meanSd(m1);
        double[] s2 = meanSd(m2);
        double dm1 = s1[0] / pub.mean(1) - 1;
        double ds1 = s1[1] / pub.sd(1) - 1;
        double dm2 = s2[0] / pub.mean(2) - 1;
        double ds2 = s2[1] / pub.sd(2) - 1;
        boolean cellOk = Math.abs(dm1) <= 0.15 && Math.abs(ds1) <= 0.15 && Math.abs(dm2) <= 0.15 && Math.abs(ds2) <= 0.15;
        ok &= cellOk;
        System.out.printf(Locale.ROOT,
            "| %s | %s | %d (%d) | %.0f ± %.0f | %.0f ± %.0f | %.0f ± %.0f | %+.1f %% | %+.1f %% | %.0f ± %.0f | %.0f ± %.0f | %.0f ± %.0f | %+.1f %% | %+.1f %% | %.0f / %.0f | %.1f %% / %.1f %% |%s%n",
            g.name().toLowerCase(Locale.ROOT), v, m1.size(), rejected, s1[0], s1[1], meanSd(t1)[0], meanSd(t1)[1], pub.mean(1), pub.sd(1),
            100 * dm1, 100 * ds1, s2[0], s2[1], meanSd(t2)[0], meanSd(t2)[1], pub.mean(2), pub.sd(2), 100 * dm2, 100 * ds2, raw1, raw2, 100 * median(e1), 100 * median(e2),
            cellOk ? "" : " <- outside 15 %");
      }
    }
    System.out.printf(Locale.ROOT, "%nundefined measurements: %d; gross errors left out: %d; of %d%n%n", undefined, grossTotal, measured.size());
    return ok;
  }

  /** Tokens more than 4 robust SDs from the median in log F1 or log F2. */
  static boolean[] grossErrors(List<Double> f1, List<Double> f2) {
    boolean[] out = new boolean[f1.size()];
    for (List<Double> f : List.of(f1, f2)) {
      List<Double> logs = f.stream().map(Math::log).toList();
      double med = median(logs);
      double mad = median(logs.stream().map(x -> Math.abs(x - med)).toList());
      double limit = 4 * 1.4826 * mad;
      for (int i = 0; i < logs.size(); i++) if (Math.abs(logs.get(i) - med) > limit) out[i] = true;
    }
    return out;
  }

  static double relError(double measured, double target) {
    return Double.isNaN(measured) ? Double.POSITIVE_INFINITY : Math.abs(measured - target) / target;
  }

  static double median(List<Double> v) {
    if (v.isEmpty()) return Double.NaN;
    double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int m = a.length / 2;
    return a.length % 2 == 1 ? a[m] : (a[m - 1] + a[m]) / 2;
  }

  static double[] meanSd(List<Double> v) {
    double mean = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    double ss = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
    return new double[] {mean, Math.sqrt(ss / Math.max(1, v.size() - 1))};
  }
}
