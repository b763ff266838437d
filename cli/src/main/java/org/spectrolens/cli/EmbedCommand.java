package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.io.AtomicFiles;
import org.spectrolens.io.Csv;
import org.spectrolens.io.Npy;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.nn.Engines;
import org.spectrolens.nn.embed.EmbedResult;
import org.spectrolens.nn.embed.EmbeddingMap;
import org.spectrolens.nn.embed.Embeddings;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.params.Param;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spectrolens embed}: a network's penultimate-layer embeddings of a dataset split, mapped to the plane. */
@Command(name = "embed", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Penultimate-layer embeddings of a dataset split (smallcnn: fc2; ResNets: avgpool), laid out in 2-D by",
        "t-SNE (exact, sklearn's defaults) or PCA. Writes DIR/embeddings.npy [items, d], items.csv (id,label,speaker,x,y),",
        "scatter.png (one colour per class) and embed.json."})
final class EmbedCommand implements Callable<Integer>, Checked {
  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model directory (a network).")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "DS", description = "Dataset cache with the model's front end.")
  Path data;

  @Option(names = "--split", defaultValue = "test", description = "test, train or all (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--method", defaultValue = "tsne", description = "tsne or pca (default: ${DEFAULT-VALUE}).")
  String method;

  @Param(min = 0, max = 1000, minOpen = true)
  @Option(names = "--perplexity", paramLabel = "P", description = "t-SNE perplexity (default: 30, below (items - 1) / 3).")
  Double perplexity;

  @Param(min = 1, max = 1024, orZero = true)
  @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Engine threads; 0 = all cores (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--force", description = "Replace an output another command wrote.")
  boolean force;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (replaced when complete).")
  Path out;

  @Override
  public void checkOptions() {
    if (!List.of("test", "train", "all").contains(split)) {
      throw new SpectrolensException("--split", "expected test, train or all, found '" + split + "'");
    }
    if (!EmbeddingMap.METHODS.contains(method)) {
      throw new SpectrolensException("--method", "unknown method '" + method + "'; expected tsne or pca");
    }
  }

  @Override
  public Integer call() {
    Engines.init(threads);
    CachedDataset ds = CachedDataset.open(data);
    List<DatasetItem> items = ds.items(split);
    if (items.isEmpty()) throw new SpectrolensException(data.toString(), "no items in split '" + split + "'");
    try (TrainedModel m = TrainedModel.open(model)) {
      Embeddings.requireMatching(m, ds);
      if (method.equals("tsne") && perplexity != null && perplexity >= items.size()) {
        throw new SpectrolensException("--perplexity", "must be below the number of items (" + items.size() + "), found " + perplexity);
      }
      try (OutputFolder folder = OutputFolder.create(out, "embed", force, model, data)) {
        float[][] e = Embeddings.of(m, ds, items);
        EmbeddingMap map = EmbeddingMap.of(e, method, perplexity == null ? Double.NaN : perplexity);
        Path dir = folder.dir();
        Npy.write(dir.resolve("embeddings.npy"), e);
        StringBuilder csv = new StringBuilder("id,label,speaker,x,y\n");
        for (int i = 0; i < items.size(); i++) {
          DatasetItem it = items.get(i);
          csv.append(Csv.field(it.id())).append(',').append(Csv.field(it.label())).append(',').append(Csv.field(it.speaker()))
              .append(String.format(Locale.ROOT, ",%.6g,%.6g%n", map.coordinates()[i][0], map.coordinates()[i][1]));
        }
        AtomicFiles.writeString(dir.resolve("items.csv"), csv.toString());
        String layer = Embeddings.layer(m.network());
        map.scatter(dir.resolve("scatter.png"), items.stream().map(DatasetItem::label).toList(), ds.classes(),
            String.format(Locale.ROOT, "%s of %s %s (%s split, %d items)", method.equals("tsne") ? "t-SNE" : "PCA",
                m.config().model(), layer, split, items.size()));
        EmbedResult.of(model.toString(), layer, e[0].length, ds.info().id(), split, items.size(), map).write(dir);
        folder.commit();
        System.out.printf(Locale.ROOT, "embedded %d items (%s, %d values each) with %s: %s%n", items.size(), layer, e[0].length, method, out);
      }
    }
    return 0;
  }
}
