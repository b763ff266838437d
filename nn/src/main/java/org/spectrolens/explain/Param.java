package org.spectrolens.explain;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one component of a method's parameter record: the text shown by {@code explain --list}
 * and {@code --help}, and the range checked when a user sets it ({@code --param method.name=value}).
 * The parameter's name is the component's name in kebab case ({@code maskEpsilon} is
 * {@code mask-epsilon}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {
  /** One line: what the parameter does, with its unit. */
  String value();

  /** Smallest allowed value (numbers only). */
  double min() default Double.NEGATIVE_INFINITY;

  /** Largest allowed value (numbers only). */
  double max() default Double.POSITIVE_INFINITY;
}
