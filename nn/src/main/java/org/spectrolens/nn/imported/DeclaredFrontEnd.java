package org.spectrolens.nn.imported;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.Fit;
import org.spectrolens.dataset.InputFormat;
import org.spectrolens.dataset.channels.InputChannels;
import org.spectrolens.io.Finite;
import org.spectrolens.io.Json;
import org.spectrolens.nn.model.ModelConfig;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * What the user's own Python did to audio before the network: a dataset's front end ({@link
 * InputFormat}: the spectrogram spec, crop, input size and how it is reached (resize, or a crop
 * or pad of the frames, {@link org.spectrolens.dataset.Fit}), padding, filters, channels) and the
 * normalisation {@code (x - mean) / std} that followed it, one pair for every cell or one per
 * input channel ({@code channel_means}, {@code channel_stds}: a grid repeated over an RGB stem's
 * three channels, each normalised with its own figures).
 *
 * <p>Its JSON file is the front end as a dataset records it ({@code spec}, {@code cropMinHz},
 * {@code cropMaxHz}, {@code height}, {@code width}, optional {@code minClipSeconds} and
 * {@code fit} ({@code {"mode": "crop" or "pad", "value": fill}}); a {@code dataset.json} is one)
 * plus an optional {@code normalization} object ({@code mean}, {@code std}, optional
 * {@code channel_means}, {@code channel_stds}; 0 and 1 when absent). A raw-waveform network is declared
 * instead by {@code "input": "waveform"}, {@code samples}, optional {@code channelAxis} and the
 * {@code spec} of the STFT its maps are read on ({@link #waveform}). The spec's fields left out take the values of
 * {@code preset}: {@code torchaudio} (the default) or {@code librosa}, {@link SpectrogramSpec}'s
 * presets; enum values may be written in any case ({@code "mel"}, {@code "slaney"}).
 */
public record DeclaredFrontEnd(InputFormat format, ModelConfig.Normalization normalization, ModelConfig.Waveform waveform) {
  /** The value of {@code input} that declares a raw-waveform network. */
  static final String WAVEFORM = "waveform";
  private static final java.util.Set<String> WAVEFORM_KEYS = java.util.Set.of("input", "preset", "spec", "samples", "channelAxis");

  @SuppressWarnings("deprecation") // MapperFeature on a copy: the project's mapper stays as it is
  private static final com.fasterxml.jackson.databind.ObjectMapper READER = Json.MAPPER.copy()
      .configure(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);

  public DeclaredFrontEnd {
    if (normalization == null) normalization = new ModelConfig.Normalization(0, 1);
    Finite.check("normalization", "mean", normalization.mean());
    Finite.check("normalization", "std", normalization.std());
    if (!(normalization.std() > 0)) throw SpectrolensException.ofParameter("std", "must be positive, found " + normalization.std());
    double[] m = normalization.channelMeans();
    double[] d = normalization.channelStds();
    if ((m == null) != (d == null) || (m != null && m.length != d.length)) {
      throw SpectrolensException.ofParameter("normalization", "channel_means and channel_stds go together, one value each per input channel");
    }
    for (int c = 0; m != null && c < m.length; c++) {
      Finite.check("normalization", "channel_means", m[c]);
      Finite.check("normalization", "channel_stds", d[c]);
      if (!(d[c] > 0)) throw SpectrolensException.ofParameter("std", "must be positive, found " + d[c] + " for channel " + c);
    }
    format.spec().check();
    if (waveform != null) {
      SpectrogramSpec s = format.spec();
      if (s.kind() != SpectrogramSpec.Kind.STFT || !Double.isNaN(s.fmax())) {
        throw SpectrolensException.ofParameter("spec", "a raw-waveform model's maps are read on an STFT with every bin: kind stft, no fmax");
      }
      if (waveform.samples() < 1) throw SpectrolensException.ofParameter("samples", "must be positive, found " + waveform.samples());
    }
  }

  /** A front end for a network that takes the grid (no waveform). */
  public DeclaredFrontEnd(InputFormat format, ModelConfig.Normalization normalization) {
    this(format, normalization, null);
  }

  /**
   * A raw-waveform network (its front end inside it) taking {@code samples} samples at the spec's
   * rate ({@code [N, 1, samples]} with {@code channelAxis}, else {@code [N, samples]}), whose maps are
   * read on the STFT {@code spec} (kind stft; its power and dB only for display): the input as
   * spectrolens sees it is the complex STFT [2, n_fft/2 + 1, frames] (real, imaginary), frames
   * those of {@code samples} samples; a recording is zero-padded to {@code samples} after its end and
   * a longer one gives its first frames, which invert to its first {@code samples} samples.
   */
  public static DeclaredFrontEnd waveform(SpectrogramSpec spec, int samples, boolean channelAxis) {
    if (spec.kind() != SpectrogramSpec.Kind.STFT) {
      throw SpectrolensException.ofParameter("spec", "a raw-waveform model's maps are read on an STFT (kind stft), found " + spec.kind());
    }
    if (samples < 1) throw SpectrolensException.ofParameter("samples", "must be positive, found " + samples);
    int frames = spec.center() ? 1 + samples / spec.hop() : 1 + (samples - spec.nFft()) / spec.hop();
    if (frames < 1) throw SpectrolensException.ofParameter("samples", samples + " samples give no frame of n_fft " + spec.nFft());
    InputFormat f = new InputFormat(spec, 0, Double.NaN, spec.nFft() / 2 + 1, frames, samples / (double) spec.sampleRate(), List.of(),
        InputChannels.COMPLEX_STFT, new Fit(Fit.PAD, 0));
    return new DeclaredFrontEnd(f, new ModelConfig.Normalization(0, 1, new double[2], new double[] {1, 1}),
        new ModelConfig.Waveform(samples, channelAxis));
  }

  /** The declaration in {@code file}. */
  public static DeclaredFrontEnd read(Path file) {
    JsonNode node = Json.read(file, JsonNode.class);
    if (node == null || !node.isObject() || !node.has("spec")) {
      throw new SpectrolensException(file.toString(), "a front end needs a JSON object with 'spec', 'height' and 'width' (docs/import.md)");
    }
    ObjectNode copy = ((ObjectNode) node).deepCopy();
    if (copy.has("input")) return readWaveform(file, copy);
    JsonNode norm = copy.remove("normalization");
    JsonNode preset = copy.remove("preset");
    String name = preset == null ? "torchaudio" : preset.asText();
    if (!name.equals("torchaudio") && !name.equals("librosa")) {
      throw new SpectrolensException(file.toString(), "preset must be torchaudio or librosa, found '" + name + "'");
    }
    copy.set("spec", spec(copy, name));
    try {
      InputFormat format = READER.treeToValue(copy, InputFormat.class);
      ModelConfig.Normalization n = norm == null ? null : READER.treeToValue(norm, ModelConfig.Normalization.class);
      return new DeclaredFrontEnd(format, n);
    } catch (SpectrolensException e) {
      throw new SpectrolensException(file.toString(), e.getMessage());
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw new SpectrolensException(file.toString(), "not a front end: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  /** The spec of a front-end object: its {@code spec} fields over the preset's. */
  private static ObjectNode spec(ObjectNode node, String preset) {
    ObjectNode spec = Json.MAPPER.valueToTree(preset.equals("librosa") ? SpectrogramSpec.librosa() : SpectrogramSpec.torchaudio());
    if (node.get("spec").isObject()) spec.setAll((ObjectNode) node.get("spec"));
    return spec;
  }

  /** {@code {"input": "waveform", "samples": N, "channelAxis": true, "spec": {...}}}: see {@link #waveform}. */
  private static DeclaredFrontEnd readWaveform(Path file, ObjectNode node) {
    String input = node.get("input").asText();
    if (!input.equals(WAVEFORM)) throw new SpectrolensException(file.toString(), "input must be waveform (or left out), found '" + input + "'");
    for (java.util.Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!WAVEFORM_KEYS.contains(key)) {
        throw new SpectrolensException(file.toString(), "a waveform front end takes " + new java.util.TreeSet<>(WAVEFORM_KEYS)
            + "; '" + key + "' has no meaning there (the grid is the STFT's, docs/import.md)");
      }
    }
    JsonNode samples = node.get("samples");
    if (samples == null || !samples.canConvertToInt() || !samples.isIntegralNumber()) {
      throw new SpectrolensException(file.toString(), "a waveform front end needs 'samples', the length the network takes");
    }
    String preset = node.has("preset") ? node.get("preset").asText() : "torchaudio";
    if (!preset.equals("torchaudio") && !preset.equals("librosa")) {
      throw new SpectrolensException(file.toString(), "preset must be torchaudio or librosa, found '" + preset + "'");
    }
    if (!node.has("spec")) node.putObject("spec");
    ObjectNode spec = spec(node, preset);
    if (!((ObjectNode) node.get("spec")).has("kind")) spec.put("kind", "stft");
    try {
      return waveform(READER.treeToValue(spec, SpectrogramSpec.class), samples.asInt(),
          !node.has("channelAxis") || node.get("channelAxis").asBoolean());
    } catch (SpectrolensException e) {
      throw new SpectrolensException(file.toString(), e.getMessage());
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw new SpectrolensException(file.toString(), "not a front end: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
