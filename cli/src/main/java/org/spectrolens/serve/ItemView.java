package org.spectrolens.serve;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.Resampler;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetInfo;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.explain.MapAxes;
import org.spectrolens.explain.MapStack;
import org.spectrolens.scene.SceneEvent;
import org.spectrolens.scene.SceneIndex;
import org.spectrolens.spectrogram.FrontEnd;
import org.spectrolens.spectrogram.GridAxes;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.TimeAxis;
import org.spectrolens.truth.SegmentTruth;
import org.spectrolens.truth.TruthReader;

/**
 * One item as the page draws it ({@code GET /api/item}): the model's input grid, the recording's
 * spectrogram around the item (the same front end, full resolution, {@link #CONTEXT} s either
 * side), each method's map, the synthesiser's formant and F0 tracks where the corpus has them, and
 * the prediction. Every grid carries its axes ({@link GridAxes}: Hz of each row) and the time of
 * its first column, so the page places maps, tracks and the playhead in Hz and s, whatever each
 * grid's resolution.
 */
final class ItemView {
  /** Seconds of the recording shown either side of the item. */
  static final double CONTEXT = 0.15;
  /** Most columns sent for the recording's spectrogram (a long item is decimated in time to this). */
  static final int MAX_COLUMNS = 1200;
  /** Buckets of the waveform strip (about one per pixel of the page's plot). */
  static final int WAVE_POINTS = 800;

  private ItemView() {}

  /**
   * A grid and its axes: {@code values} row-major, row 0 the lowest frequency; column t at
   * {@code time_start + t * axes.time_step} s. Maps' values are JSON numbers (to 0.001); the input
   * and the recording's spectrogram (dB, most of a view's bytes) are {@code encoding: "int16"}:
   * {@code values} is the base64 of little-endian 16-bit integers, each value {@code integer *
   * scale}, the scale the grid's largest magnitude over 32767 (finer than 0.01 dB for any grid
   * within 327 dB, where the cursor reads 0.1 dB): a third of the bytes of the numbers written out.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Grid(GridAxes axes, @JsonProperty("time_start") Double timeStart, int rows, int columns, Object values, String encoding, Double scale) {
    static Grid of(float[][] v, GridAxes axes, TimeAxis times) {
      int h = v.length;
      int w = h == 0 ? 0 : v[0].length;
      float[] flat = new float[h * w];
      for (int r = 0; r < h; r++) for (int t = 0; t < w; t++) flat[r * w + t] = Math.round(v[r][t] * 1000f) / 1000f;
      return new Grid(axes, times == null ? null : times.start(), h, w, flat, null, null);
    }

    /**
     * A grid as 16-bit integers of its largest magnitude over 32767 (non-finite values as 0); as
     * numbers (to 0.001) with {@code -Dspectrolens.serve.numbers=true}, the earlier form, for
     * comparing the two ({@code scripts/bench/serve_demo.sh}).
     */
    static Grid packed(Spectrogram s) {
      if (Boolean.getBoolean("spectrolens.serve.numbers")) return of(s.values(), GridAxes.of(s), s.times());
      float[][] v = s.values();
      int h = v.length;
      int w = h == 0 ? 0 : v[0].length;
      double most = 0;
      for (float[] row : v) for (float x : row) if (Float.isFinite(x)) most = Math.max(most, Math.abs(x));
      double scale = most > 0 ? most / Short.MAX_VALUE : 1;
      java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(2 * h * w).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      for (int r = 0; r < h; r++) {
        for (int t = 0; t < w; t++) b.putShort((short) (Float.isFinite(v[r][t]) ? Math.round(v[r][t] / scale) : 0));
      }
      return new Grid(GridAxes.of(s), s.times() == null ? null : s.times().start(), h, w, java.util.Base64.getEncoder().encodeToString(b.array()),
          "int16", scale);
    }
  }

  /** A method's map and the layer it was read at (null for a method on the input). */
  record MethodMap(String layer, Grid grid) {}

  /** Formant and F0 tracks every frame (Hz; null where undefined), and where they come from. */
  record Tracks(String origin, double[] times, Double[] f0, Double[] f1, Double[] f2, Double[] f3) {}

  /**
   * The span of the recording the audio endpoint plays (s), so the playhead is {@code start + currentTime};
   * {@code stems}: the scene's event and rest stems of the same span ({@code kind} to URL), where the corpus has them.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Audio(String url, double start, double end, Map<String, String> stems, Map<String, Sound> sounds) {}

  /** A sound made from a map ({@code explain --audio}'s kept or complement signal): its URL and the span of the recording it covers (s). */
  record Sound(String url, double start, double end) {}

  /** One method's map of an item on its grid: the folder it comes from, the values (row 0 the lowest), the axes (null where unknown). */
  record ItemMap(ExplorerRun.Explained folder, float[][] values, MapAxes axes) {}

  /** The first explain folder's map of {@code method} for {@code item}, or null where none was made. */
  static ItemMap map(ExplorerRun run, DatasetItem item, String method) {
    for (ExplorerRun.Explained e : run.explains()) {
      MapStack.ItemRow row = e.rows().get(item.id());
      if (row == null || !e.result().methods().containsKey(method)) continue;
      MapStack.Maps m = e.stack(method);
      float[][] v = new float[m.height()][m.width()];
      for (int r = 0; r < m.height(); r++) System.arraycopy(m.maps()[row.row()], r * m.width(), v[r], 0, m.width());
      return new ItemMap(e, v, MapStack.axes(e.result().axes(), row, m.width()));
    }
    return null;
  }

  /** A sound of a scene clip ({@code events.csv}): its kind, onset and offset (s), pitch range (Hz; null without one), and whether it is a patient sound. */
  record Event(String kind, double onset, double offset, @JsonProperty("f0_min") Double f0Min, @JsonProperty("f0_max") Double f0Max,
      boolean positive) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record View(String run, String id, String label, String predicted, Double probability, Map<String, Double> probabilities, String speaker,
      String group, String split, double start, double end, Grid input, Grid spectrogram, Waveform waveform, Map<String, MethodMap> maps,
      Tracks tracks, List<Event> events, Audio audio) {}

  /**
   * The recording over the span shown as a min/max envelope (the waveform strip): bucket b covers
   * [{@code start + b * step}, {@code start + (b + 1) * step}) s.
   */
  record Waveform(double start, double step, float[] min, float[] max) {
    static Waveform of(Clip c) {
      float[] x = c.samples();
      int n = Math.min(WAVE_POINTS, x.length);
      if (n == 0) return null;
      double per = x.length / (double) n;
      float[] lo = new float[n], hi = new float[n];
      for (int b = 0; b < n; b++) {
        int from = (int) (b * per), to = Math.max(from + 1, (int) ((b + 1) * per));
        float a = Float.POSITIVE_INFINITY, z = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
          a = Math.min(a, x[i]);
          z = Math.max(z, x[i]);
        }
        lo[b] = (float) Math.floor(a * 1e4) / 1e4f; // rounded outwards: the envelope still holds every sample
        hi[b] = (float) Math.ceil(z * 1e4) / 1e4f;
      }
      return new Waveform(c.offsetSeconds(), per / c.sampleRate(), lo, hi);
    }
  }

  static View of(ExplorerRun run, DatasetItem item, ServedFolders folders) {
    CachedDataset ds = run.dataset();
    List<String> classes = ds.classes();
    ExplorerRun.Prediction p = run.predictions().get(item.id());
    Map<String, Double> probabilities = null;
    if (p != null) {
      probabilities = new LinkedHashMap<>();
      for (int k = 0; k < classes.size(); k++) probabilities.put(classes.get(k), ItemTable.finite(p.probabilities()[k]));
    }
    Grid input = Grid.packed(ds.spectrogram(item));
    Path source = folders.inside(Path.of(item.source()));
    Span span = source == null ? null : span(item, source);
    Clip shown = span == null ? null : readable(source, span);
    Grid spectrogram = shown == null ? null : recording(ds.info(), shown);
    Waveform waveform = shown == null ? null : Waveform.of(shown);
    Map<String, MethodMap> maps = new LinkedHashMap<>();
    String audioUrl = "/api/audio?run=" + url(run.id()) + "&id=" + url(item.id());
    Map<String, Sound> sounds = new LinkedHashMap<>();
    for (String method : run.methods()) {
      ItemMap m = map(run, item, method);
      if (m == null) continue;
      GridAxes axes = m.axes() == null ? m.folder().result().axes() : GridAxes.of(m.axes().frequencies(), m.axes().times());
      maps.put(method, new MethodMap(m.folder().result().methods().get(method).layer(), Grid.of(m.values(), axes, m.axes() == null ? null : m.axes().times())));
      if (span != null && MapSounds.audible(ds.info(), m)) {
        Span heard = MapSounds.span(item, span);
        for (String kind : MapSounds.KINDS) {
          sounds.put(method + " " + kind, new Sound(audioUrl + "&kind=" + kind + "&method=" + url(method), heard.from, heard.to));
        }
      }
    }
    Tracks tracks = span == null ? null : tracks(folders, source, span);
    Map<String, String> stems = new LinkedHashMap<>();
    List<Event> events = null;
    SceneIndex.Entry scene = source == null ? null : SceneStems.entry(folders, source);
    if (scene != null) {
      events = new java.util.ArrayList<>();
      for (SceneEvent e : scene.events()) {
        events.add(new Event(e.kind().id(), e.onset(), e.offset(), ItemTable.finite(e.f0Min()), ItemTable.finite(e.f0Max()), e.kind().positive()));
      }
      for (String kind : SceneStems.KINDS) if (SceneStems.file(folders, source, kind) != null) stems.put(kind, audioUrl + "&kind=" + kind);
    }
    Audio audio = span == null ? null : new Audio(audioUrl, span.from, span.to, stems, sounds);
    return new View(run.id(), item.id(), item.label(), p == null ? null : p.predicted(), p == null ? null : ItemTable.finite(p.probability(classes)),
        probabilities, item.speaker(), run.groupOf(item), item.split(), item.start(), item.end(), input, spectrogram, waveform, maps, tracks, events, audio);
  }

  /** The part of the recording shown and played: the item with {@link #CONTEXT} either side, within the file. */
  record Span(double from, double to) {}

  static Span span(DatasetItem item, Path source) {
    double duration;
    try {
      duration = AudioFile.probe(source).durationSeconds();
    } catch (RuntimeException e) {
      return null;
    }
    double a = Double.isNaN(item.start()) ? 0 : Math.max(0, item.start() - CONTEXT);
    double b = Double.isNaN(item.end()) ? duration : Math.min(duration, item.end() + CONTEXT);
    return b > a ? new Span(a, b) : null;
  }

  /** The span as a clip of the recording (its own rate). */
  static Clip clip(Path source, Span span) {
    return AudioFile.read(source, span.from, span.to);
  }

  /** The span of the recording, or null where it cannot be read. */
  private static Clip readable(Path source, Span span) {
    try {
      return clip(source, span);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The recording's spectrogram over the span, on the dataset's front end and crop; null where it cannot be made. */
  private static Grid recording(DatasetInfo info, Clip c) {
    try {
      if (c.sampleRate() != info.spec().sampleRate()) c = Resampler.resample(c, info.spec().sampleRate());
      Spectrogram s = FrontEnd.compute(c, info.spec());
      double max = Double.isNaN(info.cropMaxHz()) ? Double.POSITIVE_INFINITY : info.cropMaxHz();
      s = s.cropFrequency(info.cropMinHz(), max);
      if (s.columns() > MAX_COLUMNS) s = s.resize(s.rows(), MAX_COLUMNS);
      if (GridAxes.of(s).rowHz() == null) return null; // cepstral rows: the input grid alone
      return Grid.packed(s);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The synthesiser's truth over the span, where the corpus has {@code truth/<id>.csv} under a served folder. */
  private static Tracks tracks(ServedFolders folders, Path source, Span span) {
    if (!synthTruth(folders, source)) return null;
    try {
      SegmentTruth t = TruthReader.synth().forSegment(source, span.from, span.to);
      int n = t.frameCount();
      Double[] f0 = new Double[n];
      Double[][] f = new Double[3][n];
      for (int i = 0; i < n; i++) {
        f0[i] = ItemTable.finite(t.f0()[i]);
        for (int k = 0; k < 3; k++) f[k][i] = ItemTable.finite(t.formants()[i][k]);
      }
      return new Tracks("synth", t.times(), f0, f[0], f[1], f[2]);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Whether the synthesiser's truth of a recording lies under a served folder (its layout: {@code <corpus>/wavs/<id>.wav} beside {@code <corpus>/truth/<id>.csv}). */
  static boolean synthTruth(ServedFolders folders, Path source) {
    Path wavs = source.getParent();
    String name = source.getFileName().toString();
    if (wavs == null || wavs.getParent() == null || name.lastIndexOf('.') <= 0) return false;
    return folders.inside(wavs.getParent().resolve("truth").resolve(name.substring(0, name.lastIndexOf('.')) + ".csv")) != null;
  }

  static String url(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
