package org.spectrolens.segment;

import org.spectrolens.params.ParameterRecords;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything known about a segmentation method before it runs: its id, a one-line description and
 * its parameter record with spectrolens's defaults (the reference library's, where one is named).
 * {@link Segmenters} lists the definitions; {@code segment --list}, {@code --method id:name=value} (or {@code --param name=value}) and
 * {@code docs/segmentation.md} come from them.
 *
 * @param id the method id ({@code otsu}, {@code felzenszwalb}, ...)
 * @param description one line
 * @param defaults the parameters' default values
 * @param factory builds the method from parameters
 */
public record SegmenterDefinition<P extends Record>(String id, String description, P defaults, Function<P, Segmenter> factory) {

  /** The parameters' names, types, descriptions and ranges. */
  public List<ParameterRecords.Parameter> parameters() {
    return ParameterRecords.of(defaults.getClass());
  }

  /** The method with its defaults, some set from text (errors name {@code id}, e.g. {@code felzenszwalb.scale}). */
  public Segmenter create(Map<String, String> set) {
    return factory.apply(ParameterRecords.with(defaults, set, id));
  }

  /** The method with its defaults. */
  public Segmenter create() {
    return factory.apply(defaults);
  }
}
