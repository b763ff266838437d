package org.spectrolens.nn.embed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import org.spectrolens.io.Json;

/**
 * {@code embed.json}, beside the 2-D map of a dataset's embeddings: whose embeddings, how many,
 * and the map's own figure.
 *
 * @param model model directory
 * @param layer the layer read ({@link Embeddings#layer})
 * @param dimensions values per embedding
 * @param datasetId the dataset's id
 * @param split the split embedded
 * @param items items embedded
 * @param method tsne or pca
 * @param klDivergence t-SNE: the final KL divergence; null (and not written) for PCA
 * @param explainedVarianceRatio PCA: the variance ratio of the two axes; null (and not written) for t-SNE
 */
@JsonPropertyOrder({"model", "layer", "dimensions", "dataset_id", "split", "items", "method", "kl_divergence", "explained_variance_ratio"})
public record EmbedResult(String model, String layer, int dimensions, @JsonProperty("dataset_id") String datasetId, String split, int items,
    String method, @JsonProperty("kl_divergence") @JsonInclude(JsonInclude.Include.NON_NULL) Double klDivergence,
    @JsonProperty("explained_variance_ratio") @JsonInclude(JsonInclude.Include.NON_NULL) double[] explainedVarianceRatio) {
  /** The file's name. */
  public static final String FILE = "embed.json";

  /** The result of a map: its figure goes under the key its method names. */
  public static EmbedResult of(String model, String layer, int dimensions, String datasetId, String split, int items, EmbeddingMap map) {
    boolean tsne = map.method().equals("tsne");
    return new EmbedResult(model, layer, dimensions, datasetId, split, items, map.method(), tsne ? map.detail()[0] : null,
        tsne ? null : map.detail());
  }

  /** Writes {@code DIR/embed.json} (atomically). */
  public void write(Path dir) {
    Json.write(dir.resolve(FILE), this);
  }

  /** Reads an {@code embed.json}; a missing or malformed file is one clear error. */
  public static EmbedResult read(Path file) {
    return Json.read(file, EmbedResult.class);
  }
}
