package org.spectrolens.nn.imported;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.InputFormat;
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
 * {@code channel_means}, {@code channel_stds}; 0 and 1 when absent). The spec's fields left out take the values of
 * {@code preset}: {@code torchaudio} (the default) or {@code librosa}, {@link SpectrogramSpec}'s
 * presets; enum values may be written in any case ({@code "mel"}, {@code "slaney"}).
 */
public record DeclaredFrontEnd(InputFormat format, ModelConfig.Normalization normalization) {
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
  }

  /** The declaration in {@code file}. */
  public static DeclaredFrontEnd read(Path file) {
    JsonNode node = Json.read(file, JsonNode.class);
    if (node == null || !node.isObject() || !node.has("spec")) {
      throw new SpectrolensException(file.toString(), "a front end needs a JSON object with 'spec', 'height' and 'width' (docs/import.md)");
    }
    ObjectNode copy = ((ObjectNode) node).deepCopy();
    JsonNode norm = copy.remove("normalization");
    JsonNode preset = copy.remove("preset");
    String name = preset == null ? "torchaudio" : preset.asText();
    if (!name.equals("torchaudio") && !name.equals("librosa")) {
      throw new SpectrolensException(file.toString(), "preset must be torchaudio or librosa, found '" + name + "'");
    }
    ObjectNode spec = Json.MAPPER.valueToTree(name.equals("librosa") ? SpectrogramSpec.librosa() : SpectrogramSpec.torchaudio());
    if (copy.get("spec").isObject()) spec.setAll((ObjectNode) copy.get("spec"));
    copy.set("spec", spec);
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
}
