package org.spectrolens.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An option that sets a component of a library configuration record: the component that
 * {@link ParameterFlags} maps to the option's flag ({@code --n-fft} sets {@code n_fft}, the
 * record's {@code nFft}). Its range is the component's {@link org.spectrolens.params.Param}, shown
 * in help by {@link OptionChecks} and checked by the record when the command builds it, before
 * any work: one range, in the library.
 *
 * <pre>{@code
 * @Sets(SpectrogramSpec.class)
 * @Option(names = "--n-fft", defaultValue = "400", description = "FFT size.")
 * int nFft;
 * }</pre>
 *
 * An option with no library counterpart (threads, item counts of a command) carries its own
 * {@link org.spectrolens.params.Param} instead, checked by {@link OptionChecks}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Sets {
  /** The configuration record whose component the option sets (or a class whose constructor takes the parameter, as a {@code @Param} field). */
  Class<?> value();
}
