package org.spectrolens.filter;

import java.util.function.Function;
import org.spectrolens.family.Parameterised;

/**
 * Everything known about a filter before it runs: its id, a one-line description, the reference
 * implementation it reproduces, and its parameter record with the defaults. {@link Filters} lists
 * the definitions; {@code filter --list}, option parsing ({@code --filter id:name=value}) and the
 * table in {@code docs/filters.md} all come from them.
 *
 * @param id the filter id (no ':' or ',')
 * @param description one line
 * @param reference what it equals, e.g. {@code scipy.ndimage.gaussian_filter}
 * @param defaults the parameters when none are set
 * @param factory builds the filter from parameters
 */
public record FilterDefinition<P extends Record>(String id, String description, String reference, P defaults,
    Function<P, SpectrogramFilter> factory) implements Parameterised<P, SpectrogramFilter> {

  @Override
  public SpectrogramFilter create(P params) {
    return factory.apply(params);
  }
}
