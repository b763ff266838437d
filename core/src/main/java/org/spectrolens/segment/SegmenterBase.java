package org.spectrolens.segment;

import java.util.Objects;

/** What every segmenter shares: the parameter record it was configured with. */
public abstract class SegmenterBase<P extends Record> implements Segmenter {
  private final P params;

  protected SegmenterBase(P params) {
    this.params = Objects.requireNonNull(params, "params");
  }

  @Override
  public P parameters() {
    return params;
  }
}
