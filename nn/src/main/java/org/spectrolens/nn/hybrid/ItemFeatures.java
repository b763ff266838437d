package org.spectrolens.nn.hybrid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectrolens.SpectrolensException;

/** The registry of {@link ItemFeature}s by id. */
public final class ItemFeatures {
  private static final Map<String, ItemFeature> ALL = new LinkedHashMap<>();

  static {
    register(new MfccStatistics());
  }

  private ItemFeatures() {}

  /** Adds a feature; its id must be new. */
  public static synchronized void register(ItemFeature f) {
    if (ALL.containsKey(f.id())) throw new IllegalArgumentException("feature '" + f.id() + "' is already registered");
    ALL.put(f.id(), f);
  }

  public static synchronized List<String> ids() {
    return List.copyOf(ALL.keySet());
  }

  public static synchronized ItemFeature of(String id) {
    ItemFeature f = ALL.get(id);
    if (f == null) throw new SpectrolensException("--features", "unknown feature '" + id + "'; expected one of "
        + String.join(", ", ALL.keySet()) + ", or embeddings:MODEL");
    return f;
  }
}
