package org.spectrolens.nn.hybrid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.features.Feature;
import org.spectrolens.features.FeatureTrack;
import org.spectrolens.nn.embed.Embeddings;
import org.spectrolens.nn.model.TrainedModel;

/**
 * The raw (unstandardised) vectors of a {@link FeatureChoice}: the network's embedding first (if
 * any), then the {@link AudioSummary} of the audio features, computed from each item's segment of
 * its source audio.
 *
 * @param columns one name per value ({@code emb0..}, then the features' own names)
 * @param values [item][column]
 */
public record FeatureVectors(List<String> columns, double[][] values) {

  /** Vectors of {@code items} of {@code ds}; {@code embedder} is the opened embedding model or null. */
  public static FeatureVectors of(FeatureChoice choice, TrainedModel embedder, CachedDataset ds, List<DatasetItem> items) {
    float[][] emb = embedder == null ? null : Embeddings.of(embedder, ds, items);
    List<Feature> features = AudioSummary.features(choice.audio());
    FeatureTrack.Summary[] audio = new FeatureTrack.Summary[items.size()];
    if (!features.isEmpty()) {
      IntStream.range(0, items.size()).parallel().forEach(i -> {
        DatasetItem it = items.get(i);
        audio[i] = AudioSummary.of(features, AudioFile.read(Path.of(it.source()), it.start(), it.end()));
      });
    }
    List<String> columns = new ArrayList<>();
    for (int j = 0; emb != null && emb.length > 0 && j < emb[0].length; j++) columns.add("emb" + j);
    if (!features.isEmpty() && items.size() > 0) columns.addAll(audio[0].names());
    double[][] values = new double[items.size()][];
    for (int i = 0; i < items.size(); i++) {
      values[i] = join(emb == null ? null : emb[i], features.isEmpty() ? new double[0] : audio[i].values());
    }
    return new FeatureVectors(columns, values);
  }

  /** The vector of one clip of audio (e.g. a file given to {@code predict}). */
  public static double[] of(FeatureChoice choice, TrainedModel embedder, Clip clip) {
    float[] emb = null;
    if (embedder != null) emb = Embeddings.of(embedder.network(), embedder.input(clip), 1)[0];
    List<Feature> features = AudioSummary.features(choice.audio());
    return join(emb, features.isEmpty() ? new double[0] : AudioSummary.of(features, clip).values());
  }

  private static double[] join(float[] emb, double[] audio) {
    int e = emb == null ? 0 : emb.length;
    double[] out = new double[e + audio.length];
    for (int j = 0; j < e; j++) out[j] = emb[j];
    System.arraycopy(audio, 0, out, e, audio.length);
    return out;
  }
}
