package org.spectrolens.filter;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.spectrolens.params.ParameterRecords;

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
    Function<P, SpectrogramFilter> factory) {

  /** The parameters' names, types, descriptions and ranges. */
  public List<ParameterRecords.Parameter> parameters() {
    return ParameterRecords.of(defaults.getClass());
  }

  /** The filter with the defaults, some set from text (errors name {@code id}). */
  public SpectrogramFilter create(Map<String, String> set) {
    return factory.apply(ParameterRecords.with(defaults, set, id));
  }
}
