package org.spectrolens.cli;

/**
 * A command (or mixin) whose options have rules beyond one option's range ({@link org.spectrolens.params.Param}): orders
 * ({@code --fmin < --fmax}), choices, what the machine's memory allows. {@link OptionChecks} calls
 * {@link #checkOptions} after parsing and before {@code call()}, so a bad combination is reported
 * in one line before any work is done.
 */
public interface Checked {
  /** @throws org.spectrolens.SpectrolensException naming the option and the problem */
  void checkOptions();
}
