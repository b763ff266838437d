package org.spectrolens.nn.hybrid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.nn.embed.Embeddings;
import org.spectrolens.nn.model.TrainedModel;

/**
 * The raw (unstandardised) vectors of a {@link FeatureChoice}: the network's embedding first (if
 * any), then each audio feature in order, computed from each item's segment of its source audio.
 *
 * @param columns one name per value ({@code emb0..}, then the features' own names)
 * @param values [item][column]
 */
public record FeatureVectors(List<String> columns, double[][] values) {

  /** Vectors of {@code items} of {@code ds}; {@code embedder} is the opened embedding model or null. */
  public static FeatureVectors of(FeatureChoice choice, TrainedModel embedder, CachedDataset ds, List<DatasetItem> items) {
    float[][] emb = embedder == null ? null : Embeddings.of(embedder, ds, items);
    List<ItemFeature> features = choice.audio().stream().map(ItemFeatures::of).toList();
    double[][] audio = new double[items.size()][];
    if (!features.isEmpty()) {
      IntStream.range(0, items.size()).parallel().forEach(i -> {
        DatasetItem it = items.get(i);
        Clip clip = AudioFile.read(Path.of(it.source()), it.start(), it.end());
        audio[i] = audioValues(features, clip);
      });
    }
    List<String> columns = columns(features, emb == null || emb.length == 0 ? 0 : emb[0].length);
    double[][] values = new double[items.size()][];
    for (int i = 0; i < items.size(); i++) values[i] = join(emb == null ? null : emb[i], features.isEmpty() ? new double[0] : audio[i]);
    return new FeatureVectors(columns, values);
  }

  /** The vector of one clip of audio (e.g. a file given to {@code predict}). */
  public static double[] of(FeatureChoice choice, TrainedModel embedder, Clip clip) {
    float[] emb = null;
    if (embedder != null) emb = Embeddings.of(embedder.network(), embedder.input(clip), 1)[0];
    List<ItemFeature> features = choice.audio().stream().map(ItemFeatures::of).toList();
    return join(emb, audioValues(features, clip));
  }

  static List<String> columns(List<ItemFeature> features, int embeddingSize) {
    List<String> columns = new ArrayList<>();
    for (int j = 0; j < embeddingSize; j++) columns.add("emb" + j);
    for (ItemFeature f : features) columns.addAll(f.columns());
    return columns;
  }

  private static double[] audioValues(List<ItemFeature> features, Clip clip) {
    List<double[]> parts = new ArrayList<>();
    for (ItemFeature f : features) parts.add(f.of(clip));
    int n = parts.stream().mapToInt(p -> p.length).sum();
    double[] out = new double[n];
    int at = 0;
    for (double[] p : parts) {
      for (double v : p) {
        if (!Double.isFinite(v)) throw new SpectrolensException(clip.source(), "feature value is not finite (" + v + ")");
        out[at++] = v;
      }
    }
    return out;
  }

  private static double[] join(float[] emb, double[] audio) {
    int e = emb == null ? 0 : emb.length;
    double[] out = new double[e + audio.length];
    for (int j = 0; j < e; j++) out[j] = emb[j];
    System.arraycopy(audio, 0, out, e, audio.length);
    return out;
  }
}
