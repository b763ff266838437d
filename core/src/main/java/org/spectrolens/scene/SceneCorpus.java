package org.spectrolens.scene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.io.AtomicFiles;
import org.spectrolens.io.Json;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.params.Param;
import org.spectrolens.params.Params;
import org.spectrolens.synth.SeededParallel;

/**
 * The built-in intensive-care sound scene of the monitoring thesis: 1 s clips, half positive (a
 * patient event: wheeze, rhonchus, cough or stridor, sometimes with a room sound too), half
 * negative (one or two room sounds: staff speech, ventilator, monitor beeps, hum, a transient),
 * all over a room background at an SNR drawn uniformly from a range. Clip {@code i} depends only
 * on the seed and {@code i} (and the staff-speech pool on the seed), so the scene is the same
 * however many threads make it.
 *
 * <p>Layout: {@code positive/<id>.wav}, {@code negative/<id>.wav} (16-bit PCM), {@code clips.csv}
 * ({@code id,label,kinds,snr_db}), {@code manifest.csv} ({@code path,label}: what {@code dataset} reads), {@code events.csv} ({@code id,kind,onset,offset,f0_min,f0_max}),
 * {@code stems/<id>.event.wav} + {@code stems/<id>.rest.wav} (summing exactly to the clip) and the
 * provenance {@code scene.json}. See {@link SceneClip} for what each stem holds.
 */
public final class SceneCorpus {
  public static final int DEFAULT_CLIPS = 2000;
  public static final int DEFAULT_SAMPLE_RATE = 16000;
  public static final double DEFAULT_SNR_MIN = -5;
  public static final double DEFAULT_SNR_MAX = 20;
  public static final double CLIP_SECONDS = 1.0;
  /** Share of positive clips that also hold one room sound. */
  static final double POSITIVE_WITH_ROOM_SOUND = 0.5;
  /** Share of negative clips with a second room sound. */
  static final double NEGATIVE_WITH_SECOND_SOUND = 0.3;
  /** Utterances in the staff-speech pool (60: three talkers, a man, a woman and a child). */
  static final int SPEECH_POOL = 60;

  private final long seed;
  @Param(value = "clips, half positive", min = 1, max = 1_000_000)
  private final int clips;
  @Param(value = "sample rate (Hz); the staff speech needs 16 kHz", min = 16000, max = 96000)
  private final int sampleRate;
  private final double snrMin;
  private final double snrMax;
  private volatile StaffSpeech speech;

  public SceneCorpus(long seed, int clips, int sampleRate, double snrMin, double snrMax) {
    Params.check(SceneCorpus.class, "clips", clips);
    Params.check(SceneCorpus.class, "sampleRate", sampleRate);
    if (!(snrMin <= snrMax) || Double.isInfinite(snrMin) || Double.isInfinite(snrMax)) {
      throw SpectrolensException.ofParameter("snr_range", "expected MIN,MAX in dB with MIN <= MAX, got " + snrMin + "," + snrMax);
    }
    this.seed = seed;
    this.clips = clips;
    this.sampleRate = sampleRate;
    this.snrMin = snrMin;
    this.snrMax = snrMax;
  }

  public int clips() {
    return clips;
  }

  public int sampleRate() {
    return sampleRate;
  }

  /** Clip ids {@code scene-00001} ... (1-based). */
  public String id(int index) {
    return String.format(Locale.ROOT, "scene-%05d", index + 1);
  }

  /** Even indices are positive, odd negative: the classes are balanced. */
  public boolean positive(int index) {
    return index % 2 == 0;
  }

  /** Clip {@code index} with its stems and events. */
  public SceneClip clip(int index) {
    int n = (int) Math.round(CLIP_SECONDS * sampleRate);
    SplittableRandom rng = random(1, index);
    float[] background = RoomSounds.background(n, sampleRate, rng);
    List<Sound> foreground = new ArrayList<>();
    List<Sound> others = new ArrayList<>();
    List<Double> snrs = new ArrayList<>();
    boolean positive = positive(index);
    if (positive) {
      List<SoundKind> kinds = SoundKind.positives();
      SoundKind k = kinds.get(rng.nextInt(kinds.size()));
      // stridor is loud: its SNR comes from the upper half of the range
      double snr = k == SoundKind.STRIDOR ? Waveforms.uniform(rng, (snrMin + snrMax) / 2, snrMax) : Waveforms.uniform(rng, snrMin, snrMax);
      foreground.add(atSnr(PatientSounds.draw(k, n, sampleRate, rng), snr));
      snrs.add(snr);
      if (rng.nextDouble() < POSITIVE_WITH_ROOM_SOUND) others.add(atSnr(roomSound(n, rng), Waveforms.uniform(rng, snrMin, snrMax)));
    } else {
      double snr = Waveforms.uniform(rng, snrMin, snrMax);
      foreground.add(atSnr(roomSound(n, rng), snr));
      snrs.add(snr);
      if (rng.nextDouble() < NEGATIVE_WITH_SECOND_SOUND) foreground.add(atSnr(roomSound(n, rng), Waveforms.uniform(rng, snrMin, snrMax)));
    }
    double[] event = new double[n];
    double[] rest = new double[n];
    for (Sound s : foreground) for (int i = 0; i < n; i++) event[i] += s.samples()[i];
    for (Sound s : others) for (int i = 0; i < n; i++) rest[i] += s.samples()[i];
    for (int i = 0; i < n; i++) rest[i] += background[i];
    // One gain for both stems (a random playback level), then both on the 16-bit grid, so that
    // the clip (their sum) is exactly representable and the WAV files sum exactly.
    double peak = 1e-12;
    for (int i = 0; i < n; i++) peak = Math.max(peak, Math.max(Math.abs(event[i] + rest[i]), Math.max(Math.abs(event[i]), Math.abs(rest[i]))));
    double gain = Waveforms.uniform(rng, 0.3, 0.9) / peak;
    float[] e = new float[n];
    float[] r = new float[n];
    for (int i = 0; i < n; i++) {
      e[i] = (float) (Math.round(event[i] * gain * 32768) / 32768.0);
      r[i] = (float) (Math.round(rest[i] * gain * 32768) / 32768.0);
    }
    List<SceneEvent> events = new ArrayList<>();
    List<SoundKind> kinds = new ArrayList<>();
    for (Sound s : foreground) add(s, events, kinds);
    for (Sound s : others) add(s, events, kinds);
    return new SceneClip(id(index), positive, kinds, snrs.get(0), events, e, r, sampleRate);
  }

  private static void add(Sound s, List<SceneEvent> events, List<SoundKind> kinds) {
    events.addAll(s.events());
    SoundKind k = s.events().get(0).kind();
    if (!kinds.contains(k)) kinds.add(k);
  }

  /** A room sound of a kind drawn uniformly. */
  private Sound roomSound(int n, SplittableRandom rng) {
    List<SoundKind> kinds = SoundKind.negatives();
    SoundKind k = kinds.get(rng.nextInt(kinds.size()));
    return switch (k) {
      case SPEECH -> speech().draw(n, sampleRate, rng);
      case VENTILATOR -> RoomSounds.ventilator(n, sampleRate, rng);
      case BEEP -> RoomSounds.beeps(n, sampleRate, rng);
      case HUM -> RoomSounds.hum(n, sampleRate, rng);
      case TRANSIENT -> RoomSounds.impact(n, sampleRate, rng);
      default -> throw new IllegalStateException(k.toString());
    };
  }

  /** The sound scaled so its mean power over its span is {@code snrDb} above the unit-power background. */
  private Sound atSnr(Sound s, double snrDb) {
    double p = s.activePower(sampleRate);
    return p > 0 ? s.scaled(Math.sqrt(Math.pow(10, snrDb / 10) / p)) : s;
  }

  private StaffSpeech speech() {
    StaffSpeech s = speech;
    if (s == null) {
      synchronized (this) {
        if (speech == null) speech = new StaffSpeech(seed ^ 0x5CE4E5B9L, SPEECH_POOL, sampleRate);
        s = speech;
      }
    }
    return s;
  }

  /** What {@link #write} made. */
  public record Summary(int clips, int positive, int negative, double wallSeconds) {}

  /** The provenance file {@code scene.json}, written last: how to make the scene again. */
  public record Provenance(int format, long seed, int clips, int sampleRate, double snrMin, double snrMax) {
    public static final String FILE = "scene.json";
    public static final int FORMAT = 1;
  }

  /**
   * The corpus manifest ({@code path,label}) that {@code spectrolens dataset} reads before any
   * class folder, so that {@code stems/} is not taken for a third class.
   */
  public static final String MANIFEST = "manifest.csv";

  /** The command recorded in the output marker. */
  public static final String COMMAND = "synth-scene";

  /**
   * Writes the scene into {@code dir} in parallel; {@code progress} gets the number of clips done.
   * The scene is an {@link OutputFolder}: locked, made in {@code <dir>.partial} and moved into
   * place when complete (an earlier scene in {@code dir} is replaced only then; anything
   * spectrolens did not write is refused); a failure leaves no {@code dir} that looks complete.
   *
   * @param force replace a folder another spectrolens command wrote
   */
  public Summary write(Path dir, boolean force, IntConsumer progress) {
    try (OutputFolder out = OutputFolder.create(dir, COMMAND, force)) {
      return write(out, progress);
    }
  }

  /** Writes the scene into an output folder opened (locked and checked) by the caller, and commits it. */
  public Summary write(OutputFolder out, IntConsumer progress) {
    long t0 = System.nanoTime();
    Path partial = out.dir();
    try {
      for (String d : List.of(SceneClip.POSITIVE, SceneClip.NEGATIVE, "stems")) Files.createDirectories(partial.resolve(d));
    } catch (IOException e) {
      throw new SpectrolensException(partial.toString(), "cannot create the scene directories: " + e.getMessage(), e);
    }
    int positives = writeInto(partial, progress);
    out.commit();
    return new Summary(clips, positives, clips - positives, (System.nanoTime() - t0) / 1e9);
  }

  /** {@link #write(Path, boolean, IntConsumer)} without force. */
  public Summary write(Path dir, IntConsumer progress) {
    return write(dir, false, progress);
  }

  private int writeInto(Path dir, IntConsumer progress) {
    String[] rows = new String[clips];
    String[] eventRows = new String[clips];
    String[] manifest = new String[clips];
    AtomicInteger done = new AtomicInteger();
    SeededParallel.forEachIndex(clips, i -> {
      SceneClip c = clip(i);
      WavWriter.writePcm16(dir.resolve(c.label()).resolve(c.id() + ".wav"), c.clip());
      WavWriter.writePcm16(dir.resolve("stems").resolve(c.id() + ".event.wav"), c.eventClip());
      WavWriter.writePcm16(dir.resolve("stems").resolve(c.id() + ".rest.wav"), c.restClip());
      rows[i] = c.csvRow();
      eventRows[i] = c.eventRows();
      manifest[i] = c.label() + "/" + c.id() + ".wav," + c.label();
      progress.accept(done.incrementAndGet());
    });
    AtomicFiles.writeString(dir.resolve("clips.csv"), "id,label,kinds,snr_db\n" + String.join("\n", rows) + "\n");
    AtomicFiles.writeString(dir.resolve(MANIFEST), "path,label\n" + String.join("\n", manifest) + "\n");
    AtomicFiles.writeString(dir.resolve("events.csv"), "id,kind,onset,offset,f0_min,f0_max\n" + String.join("", eventRows));
    Json.write(dir.resolve(Provenance.FILE), new Provenance(Provenance.FORMAT, seed, clips, sampleRate, snrMin, snrMax));
    return (clips + 1) / 2;
  }

  /** The event stem of a scene clip file {@code <scene>/<label>/<id>.wav}: {@code <scene>/stems/<id>.event.wav}. */
  public static Path eventStem(Path clipFile) {
    return stem(clipFile, "event");
  }

  /** The rest stem of a scene clip file: {@code <scene>/stems/<id>.rest.wav}. */
  public static Path restStem(Path clipFile) {
    return stem(clipFile, "rest");
  }

  private static Path stem(Path clipFile, String which) {
    String name = clipFile.getFileName().toString();
    String id = name.toLowerCase(Locale.ROOT).endsWith(".wav") ? name.substring(0, name.length() - 4) : name;
    Path stem = SceneIndex.rootOf(clipFile).resolve("stems").resolve(id + "." + which + ".wav");
    if (!Files.isRegularFile(stem)) throw new SpectrolensException(clipFile.toString(), "no stem " + stem + " (truth masks need a corpus written by synth-scene)");
    return stem;
  }

  /** A random stream for (purpose, index) under this scene's seed. */
  private SplittableRandom random(int purpose, int index) {
    return SeededParallel.stream(seed, purpose, index);
  }
}
