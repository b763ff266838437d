package org.spectrolens.params;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The description and allowed range of one parameter. Every range is checked by {@link Params}
 * (one check, one message: {@code must lie in [1, 999], found 0}); the annotation marks two kinds
 * of parameters, which differ only in how they are named:
 *
 * <ul>
 *   <li>A component of an open family's parameter record (an explanation method's, a filter's, a
 *       segmentation's, ...), read by {@link ParameterRecords}: the line shown by {@code --list}
 *       and {@code --help}, and the closed range {@code [min, max]} checked when a user sets it
 *       from text ({@code gradcam++:epsilon=1e-7}, {@code median:rows=5}). Its name there is the
 *       component's name in kebab case ({@code sigmaRows} is {@code sigma-rows}).
 *   <li>A component of a configuration record ({@code SpectrogramSpec}, {@code TrainConfig},
 *       {@code Split}), or a field of a CLI option that sets no library parameter, checked with
 *       {@link Params}: every bound flag applies, the record checks itself when built, and its
 *       errors name the component in snake_case ({@code n_fft}). The CLI shows the range in its
 *       help and maps the name to its flag.
 * </ul>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Param {
  /** One line: what the parameter does, with its unit (and, for a size, its axis); may be empty where the option's help says it. */
  String value() default "";

  /** Smallest allowed value (numbers only). */
  double min() default Double.NEGATIVE_INFINITY;

  /** Largest allowed value (numbers only). */
  double max() default Double.POSITIVE_INFINITY;

  /** The minimum itself is not allowed (e.g. a positive duration). */
  boolean minOpen() default false;

  /** The maximum itself is not allowed. */
  boolean maxOpen() default false;

  /** 0 is also allowed, with a meaning the description gives (e.g. "0 = all cores"). */
  boolean orZero() default false;
}
