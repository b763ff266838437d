package org.spectrolens.spectrogram;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.Json;
import org.spectrolens.io.Npy;

/**
 * A spectrogram on disk: {@code name.npy} (float32, shape [F, T], C order, row 0 lowest) and
 * {@code name.axes.json} beside it:
 * <pre>
 * {"shape": [F, T], "frequency_scale": "mel-htk", "row_unit": "Hz",
 *  "frequencies_hz": [...], "times_s": [...], "time_step": ...,
 *  "frequency_axis": {"scale": ..., "warped_start": ..., "warped_step": ..., "length": F},
 *  "time_axis": {"start_s": ..., "step_s": ..., "length": T},
 *  "spec": {every SpectrogramSpec field, snake_case; NaN as null}}
 * </pre>
 * For MFCC ({@code "frequency_scale": "cepstral"}) {@code frequencies_hz} is null and
 * {@code coefficients} lists the coefficient indices instead. {@code frequency_scale},
 * {@code frequencies_hz} and {@code time_step} are the keys of {@link GridAxes}, so an axes file
 * also reads as one ({@link #gridAxes}); files written before {@code time_step} was added read as
 * before. Both files are written atomically.
 */
public final class SpectrogramFiles {
  private SpectrogramFiles() {}

  /** The axes file beside {@code npy}: {@code x.npy} gives {@code x.axes.json}. */
  public static Path axesFile(Path npy) {
    String name = npy.getFileName().toString();
    String stem = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
    return npy.resolveSibling(stem + ".axes.json");
  }

  public static void write(Path npy, Spectrogram s) {
    Npy.write(npy, s.values());
    Json.write(axesFile(npy), axesJson(s));
  }

  /**
   * The content of the axes file, as ordered maps and lists. Its {@code frequency_scale},
   * {@code frequencies_hz} and {@code time_step} are {@link GridAxes}'s, the one axes shape of
   * every result file.
   */
  public static Map<String, Object> axesJson(Spectrogram s) {
    FrequencyAxis f = s.frequencies();
    TimeAxis t = s.times();
    Map<String, Object> grid = Json.MAPPER.convertValue(GridAxes.of(s), new TypeReference<LinkedHashMap<String, Object>>() {});
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("shape", List.of(s.rows(), s.columns()));
    m.put("frequency_scale", grid.get("frequency_scale"));
    m.put("row_unit", f.unit());
    m.put("frequencies_hz", grid.get("frequencies_hz"));
    if (!f.scale().isFrequency()) {
      double[] c = new double[f.length()];
      for (int i = 0; i < c.length; i++) c[i] = f.value(i);
      m.put("coefficients", c);
    }
    m.put("times_s", t.seconds());
    m.put("time_step", grid.get("time_step"));
    Map<String, Object> fa = new LinkedHashMap<>();
    fa.put("scale", f.scale().id());
    fa.put("warped_start", f.warpedStart());
    fa.put("warped_step", f.warpedStep());
    fa.put("length", f.length());
    m.put("frequency_axis", fa);
    Map<String, Object> ta = new LinkedHashMap<>();
    ta.put("start_s", t.start());
    ta.put("step_s", t.step());
    ta.put("length", t.length());
    m.put("time_axis", ta);
    m.put("spec", s.spec() == null ? null : specJson(s.spec()));
    return m;
  }

  /** A spec as a JSON-ready map (snake_case keys, lower-case ids, NaN as null, infinity as "inf"). */
  public static Map<String, Object> specJson(SpectrogramSpec p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", id(p.kind()));
    m.put("sample_rate", p.sampleRate());
    m.put("n_fft", p.nFft());
    m.put("win_length", p.winLength());
    m.put("hop", p.hop());
    m.put("window", id(p.window()));
    m.put("center", p.center());
    m.put("pad_mode", id(p.padMode()));
    m.put("power", p.power());
    m.put("n_mels", p.nMels());
    m.put("fmin", number(p.fmin()));
    m.put("fmax", number(p.fmax()));
    m.put("mel_scale", id(p.melScale()));
    m.put("mel_norm", id(p.melNorm()));
    m.put("db", p.db());
    m.put("db_ref", number(p.dbRef()));
    m.put("amin", number(p.amin()));
    m.put("top_db", number(p.topDb()));
    m.put("n_mfcc", p.nMfcc());
    m.put("lifter", number(p.lifter()));
    m.put("bins_per_octave", p.binsPerOctave());
    m.put("n_bins", p.nBins());
    return m;
  }

  /** Inverse of {@link #specJson}; {@code source} names the file in errors. */
  public static SpectrogramSpec specFromJson(JsonNode n, String source) {
    try {
      return new SpectrogramSpec(
          SpectrogramSpec.Kind.valueOf(text(n, "kind", source)), n.path("sample_rate").asInt(), n.path("n_fft").asInt(),
          n.path("win_length").asInt(), n.path("hop").asInt(), org.spectrolens.dsp.Window.valueOf(text(n, "window", source)),
          n.path("center").asBoolean(), SpectrogramSpec.PadMode.valueOf(text(n, "pad_mode", source)),
          real(n, "power"), n.path("n_mels").asInt(), real(n, "fmin"), real(n, "fmax"),
          org.spectrolens.dsp.MelScale.valueOf(text(n, "mel_scale", source)),
          SpectrogramSpec.MelNorm.valueOf(text(n, "mel_norm", source)), n.path("db").asBoolean(), real(n, "db_ref"),
          real(n, "amin"), real(n, "top_db"), n.path("n_mfcc").asInt(), real(n, "lifter"),
          n.path("bins_per_octave").asInt(), n.path("n_bins").asInt());
    } catch (IllegalArgumentException e) {
      throw new SpectrolensException(source, "bad spectrogram spec: " + e.getMessage());
    }
  }

  /** Reads a spectrogram written by {@link #write}; the axes come from the axes file. */
  public static Spectrogram read(Path npy) {
    Path axes = axesFile(npy);
    float[][] values = Npy.read(npy).toMatrix();
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(Files.readAllBytes(axes));
    } catch (NoSuchFileException e) {
      throw new SpectrolensException(axes.toString(), "no such file (written beside " + npy.getFileName() + ")");
    } catch (IOException e) {
      throw new SpectrolensException(axes.toString(), "malformed JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    JsonNode fa = root.path("frequency_axis");
    JsonNode ta = root.path("time_axis");
    if (!fa.isObject() || !ta.isObject()) {
      throw new SpectrolensException(axes.toString(), "missing frequency_axis or time_axis");
    }
    FrequencyAxis f;
    TimeAxis t;
    try {
      f = FrequencyAxis.of(FrequencyScale.fromId(fa.path("scale").asText()), fa.path("warped_start").asDouble(),
          fa.path("warped_step").asDouble(), fa.path("length").asInt());
      t = TimeAxis.of(ta.path("start_s").asDouble(), ta.path("step_s").asDouble(), ta.path("length").asInt());
    } catch (IllegalArgumentException e) {
      throw new SpectrolensException(axes.toString(), "bad axes: " + e.getMessage());
    }
    if (values.length != f.length() || (values.length > 0 && values[0].length != t.length())) {
      throw new SpectrolensException(npy.toString(), "shape " + values.length + "x" + (values.length > 0 ? values[0].length : 0)
          + " does not match the axes in " + axes.getFileName() + " (" + f.length() + "x" + t.length() + ")");
    }
    JsonNode spec = root.path("spec");
    return new Spectrogram(values, f, t, spec.isObject() ? specFromJson(spec, axes.toString()) : null);
  }

  /** The grid axes of an axes file (new or old; an old file's time step comes from its {@code time_axis}). */
  public static GridAxes gridAxes(Path axesFile) {
    GridAxes g = Json.read(axesFile, GridAxes.class);
    if (g.timeStep() != null) return g;
    JsonNode step;
    try {
      step = Json.MAPPER.readTree(axesFile.toFile()).path("time_axis").path("step_s");
    } catch (IOException e) {
      throw new SpectrolensException(axesFile.toString(), "malformed JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    return step.isNumber() ? new GridAxes(g.frequencyScale(), g.rowHz(), step.asDouble()) : g;
  }

  private static String id(Enum<?> e) {
    return e.name().toLowerCase();
  }

  private static Object number(double v) {
    if (Double.isNaN(v)) return null;
    if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
    return v;
  }

  private static double real(JsonNode n, String key) {
    JsonNode v = n.path(key);
    if (v.isNull() || v.isMissingNode()) return Double.NaN;
    if (v.isTextual()) {
      return switch (v.asText()) {
        case "inf" -> Double.POSITIVE_INFINITY;
        case "-inf" -> Double.NEGATIVE_INFINITY;
        default -> throw new IllegalArgumentException(key + " is not a number: " + v.asText());
      };
    }
    return v.asDouble();
  }

  private static String text(JsonNode n, String key, String source) {
    JsonNode v = n.path(key);
    if (!v.isTextual()) throw new SpectrolensException(source, "spec field '" + key + "' missing");
    return v.asText().toUpperCase();
  }

}
