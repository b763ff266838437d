package org.spectrolens.segment;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one component of a segmenter's parameter record (as {@code explain.Param} does for an
 * explanation method, which lives in the nn module and cannot be used from core): the text shown by
 * {@code segment --help} and the range checked when a user sets it ({@code --param name=value}).
 * The parameter's name is the component's name in kebab case ({@code minSize} is {@code min-size}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Setting {
  /** One line: what the parameter does, with its unit. */
  String value();

  /** Smallest allowed value. */
  double min() default Double.NEGATIVE_INFINITY;

  /** Largest allowed value. */
  double max() default Double.POSITIVE_INFINITY;
}
