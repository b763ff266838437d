package org.spectrolens.nn.hybrid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spectrolens.SpectrolensException;

/**
 * What a hybrid model classifies, parsed from {@code --features}: a comma-separated list of
 * {@link org.spectrolens.features.Features} ids summarised over each item's audio ({@link AudioSummary}), and/or {@code embeddings:MODEL}, the
 * penultimate-layer outputs of a trained network on each item's cached grid. Examples:
 * {@code mfcc}, {@code embeddings:models/vowels}, {@code embeddings:models/vowels,mfcc}.
 *
 * @param audio feature ids, in order (may be empty)
 * @param embeddingModel the network's model folder, or null for none
 */
public record FeatureChoice(List<String> audio, Path embeddingModel) {
  public static final String EMBEDDINGS = "embeddings:";

  public FeatureChoice {
    audio = List.copyOf(audio);
  }

  /** Parses the {@code features} text: every audio feature id must be registered, at most one embeddings entry. */
  public static FeatureChoice parse(String text) {
    if (text == null || text.isBlank()) throw SpectrolensException.ofParameter("features", "required for a hybrid model (e.g. mfcc or embeddings:MODEL)");
    List<String> audio = new ArrayList<>();
    Path model = null;
    for (String part : text.split(",")) {
      String p = part.strip();
      if (p.startsWith(EMBEDDINGS)) {
        if (model != null) throw SpectrolensException.ofParameter("features", "embeddings given twice");
        String m = p.substring(EMBEDDINGS.length());
        if (m.isEmpty()) throw SpectrolensException.ofParameter("features", "embeddings: needs a model folder (embeddings:MODEL)");
        model = Path.of(m);
      } else {
        audio.add(p);
      }
    }
    AudioSummary.features(audio); // known ids, none twice
    return new FeatureChoice(audio, model);
  }

  /** The choice as {@code --features} writes it (with the embedding model as given). */
  public String text() {
    List<String> parts = new ArrayList<>();
    if (embeddingModel != null) parts.add(EMBEDDINGS + embeddingModel);
    parts.addAll(audio);
    return String.join(",", parts);
  }
}
