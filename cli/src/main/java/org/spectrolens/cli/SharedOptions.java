package org.spectrolens.cli;

import org.spectrolens.params.Param;

/**
 * The one declaration of the options many commands share and no library record owns: an option
 * with one of these names (a field's kebab-case flag, {@code threads} is {@code --threads}) that
 * carries no range of its own is checked, and its help shown, with the range declared here. A new
 * command's {@code --threads} cannot forget its range.
 */
final class SharedOptions {
  private SharedOptions() {}

  @Param(value = "engine or worker threads; 0 = all cores", min = 1, max = 1024, orZero = true)
  static int threads;

  /** The declared range of the shared option {@code flag}, or null when it is not one. */
  static Param rangeOf(String flag) {
    if (!flag.startsWith("--")) return null;
    StringBuilder camel = new StringBuilder();
    boolean up = false;
    for (char c : flag.substring(2).toCharArray()) {
      if (c == '-') {
        up = true;
      } else {
        camel.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    try {
      return SharedOptions.class.getDeclaredField(camel.toString()).getAnnotation(Param.class);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }
}
