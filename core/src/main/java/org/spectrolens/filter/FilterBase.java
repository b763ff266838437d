package org.spectrolens.filter;

/**
 * What every filter shares: its id (from its {@link FilterDefinition}) and its parameter record.
 * A filter (here or registered from outside with {@link Filters#register}) extends this, passes both to the constructor and implements
 * {@link #footprint()} and {@link #apply(float[][], org.spectrolens.spectrogram.SpectrogramSpec)}.
 */
public abstract class FilterBase<P extends Record> implements SpectrogramFilter {
  /** The parameters this filter was built from. */
  protected final P p;
  private final String id;

  protected FilterBase(FilterDefinition<P> definition, P p) {
    this.id = definition.id();
    this.p = p;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final P parameters() {
    return p;
  }
}
