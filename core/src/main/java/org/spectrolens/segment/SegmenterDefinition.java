package org.spectrolens.segment;

import org.spectrolens.family.Parameterised;
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
public record SegmenterDefinition<P extends Record>(String id, String description, P defaults, Function<P, Segmenter> factory)
    implements Parameterised<P, Segmenter> {

  @Override
  public Segmenter create(P params) {
    return factory.apply(params);
  }
}
