package org.spectrolens.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The documented range of a numeric option (int, long, double or their boxes), shown in its help
 * ("range: [1, 65536]") and checked by {@link OptionChecks} after parsing, before the command does
 * any work: {@code spectrolens: --opt: must lie in [1, 65536], found 0}, exit 2. Every double
 * option must be finite whether or not it has a range.
 *
 * <pre>{@code
 * @Range(min = 1, max = 65536)
 * @Option(names = "--n-fft", defaultValue = "400", description = "FFT size.")
 * int nFft;
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Range {
  double min() default Double.NEGATIVE_INFINITY;

  double max() default Double.POSITIVE_INFINITY;

  /** The minimum itself is not allowed (e.g. a positive duration). */
  boolean minOpen() default false;

  /** The maximum itself is not allowed. */
  boolean maxOpen() default false;

  /** 0 is also allowed, with a meaning the description gives (e.g. "0 = all cores"). */
  boolean orZero() default false;
}
