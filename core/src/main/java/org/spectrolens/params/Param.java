package org.spectrolens.params;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one component of an operation's parameter record (an explanation method's, a
 * filter's, a segmentation's, ...): the line shown by {@code --list} and {@code --help}, and the
 * range checked when a user sets it from text ({@code --param gradcam++.epsilon=1e-7},
 * {@code --filter median:rows=5}). The parameter's name is the component's name in kebab case
 * ({@code sigmaRows} is {@code sigma-rows}). One annotation for every open family of the project.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {
  /** One line: what the parameter does, with its unit (and, for a size, its axis). */
  String value();

  /** Smallest allowed value (numbers only). */
  double min() default Double.NEGATIVE_INFINITY;

  /** Largest allowed value (numbers only). */
  double max() default Double.POSITIVE_INFINITY;
}
