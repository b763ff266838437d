package org.spectrolens.nn.hybrid;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.spectrolens.dataset.DatasetInfo;

/**
 * A hybrid model folder's {@code hybrid.json}: the classifier, what it classifies, and the
 * standardisation fitted on the training items ({@code (x - mean) / std} per column, std 1 where
 * a column is constant).
 *
 * @param format config format version
 * @param model {@code hybrid:<classifier>}
 * @param classifier the classifier's hyper-parameters in words
 * @param features the audio feature ids, in order
 * @param embedder the embedding network's folder inside this one ({@code embedder}), or null
 * @param embeddingLayer the network's stage whose output is the embedding, or null
 * @param classes class names in index order
 * @param columns one name per feature value
 * @param mean per-column training mean
 * @param std per-column training standard deviation
 * @param dataset the training dataset's front end, size and split
 * @param datasetId the training dataset's id
 * @param trainItems items trained on (the dataset's train split)
 * @param seed the seed of every random choice
 * @param weights the Tribuo model file in this folder (protobuf)
 */
public record HybridConfig(
    int format, String model, String classifier, List<String> features, String embedder,
    @JsonProperty("embedding_layer") String embeddingLayer, List<String> classes, List<String> columns,
    double[] mean, double[] std, DatasetInfo dataset, @JsonProperty("dataset_id") String datasetId,
    @JsonProperty("train_items") int trainItems, long seed, String weights) {

  public static final int FORMAT = 1;
  public static final String FILE = "hybrid.json";
  public static final String WEIGHTS = "model.tribuo";
  public static final String EMBEDDER = "embedder";

  /** The choice of features this config was trained on, with the embedder inside {@code dir}. */
  FeatureChoice choice(java.nio.file.Path dir) {
    return new FeatureChoice(features, embedder == null ? null : dir.resolve(embedder));
  }
}
