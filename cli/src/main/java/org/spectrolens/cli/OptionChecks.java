package org.spectrolens.cli;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.spectrolens.SpectrolensException;
import org.spectrolens.params.Param;
import org.spectrolens.params.Params;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Option checking at parse time, the same for every command: numbers parse with one message,
 * doubles must be finite, ranges ({@link Param}) are shown in help, and {@link Checked} commands
 * check their combinations, all before {@code call()} runs. The range of an option that
 * {@link Sets} a library record's component is the component's, checked by the record when the
 * command builds it in {@link Checked#checkOptions}; an option of the CLI's own carries its
 * {@link Param}, checked here. A failure is a picocli {@link ParameterException} that {@link Main}
 * prints as {@code spectrolens: --opt: problem}, exit 2.
 */
final class OptionChecks {
  private OptionChecks() {}

  /** Standard help on every command, ranges in help, number converters; call once on the root. */
  static void install(CommandLine root) {
    root.registerConverter(Double.class, OptionChecks::finiteDouble);
    root.registerConverter(double.class, OptionChecks::finiteDouble);
    root.registerConverter(Integer.class, s -> (int) whole(s, Integer.MIN_VALUE, Integer.MAX_VALUE));
    root.registerConverter(int.class, s -> (int) whole(s, Integer.MIN_VALUE, Integer.MAX_VALUE));
    root.registerConverter(Long.class, s -> whole(s, Long.MIN_VALUE, Long.MAX_VALUE));
    root.registerConverter(long.class, s -> whole(s, Long.MIN_VALUE, Long.MAX_VALUE));
    decorate(root);
  }

  private static void decorate(CommandLine cl) {
    CommandSpec spec = cl.getCommandSpec();
    if (!spec.mixinStandardHelpOptions()) spec.mixinStandardHelpOptions(true);
    for (OptionSpec o : new ArrayList<>(spec.options())) {
      Param r = rangeOf(o);
      if (r == null || !Params.limits(r)) continue;
      String range = Params.describe(r);
      String[] d = o.description();
      String[] desc = d.length == 0 ? new String[] {"Range: " + range + "."} : Arrays.copyOf(d, d.length);
      if (d.length > 0) desc[d.length - 1] = d[d.length - 1] + " Range: " + range + ".";
      spec.remove(o);
      OptionSpec decorated = OptionSpec.builder(o).description(desc).build();
      spec.addOption(decorated);
      decorated.messages(null); // desc already holds the resource bundle's text, if any; the bundle would replace it again
    }
    cl.getSubcommands().values().forEach(OptionChecks::decorate);
  }

  /** Checks the parsed command chain; skipped when help or the version was asked for. */
  static void check(ParseResult parsed) {
    List<CommandLine> chain = parsed.asCommandLineList();
    for (CommandLine cl : chain) {
      if (cl.isUsageHelpRequested() || cl.isVersionHelpRequested()) return;
    }
    for (CommandLine cl : chain) {
      try {
        for (OptionSpec o : cl.getCommandSpec().options()) {
          Param r = ownRangeOf(o);
          Object v = o.getValue();
          if (r != null && v instanceof Number n) checkRange(o.longestName(), n, r);
        }
        // the command's own checks first: they refuse combinations (--recipe with --n-fft) before a mixin checks the values
        if (cl.getCommand() instanceof Checked c) c.checkOptions();
        for (CommandSpec mixin : cl.getCommandSpec().mixins().values()) {
          if (mixin.userObject() instanceof Checked c) c.checkOptions();
        }
      } catch (SpectrolensException e) {
        throw new ParameterException(cl, e.getMessage(), e);
      }
    }
  }

  static void checkRange(String option, Number value, Param r) {
    String problem = Params.problem(value.doubleValue(), r);
    if (problem != null) throw new SpectrolensException(option, problem);
  }

  /**
   * Refuses an option whose value would need more memory than a quarter of the Java heap for one
   * array (the rest is for the other threads and the engine), before any work is done.
   *
   * @param bytes the size of the array the value implies
   * @param what what the array is, for the message ("one 224x224 input grid")
   */
  static void fitsInMemory(String option, long bytes, String what) {
    long heap = Runtime.getRuntime().maxMemory();
    if (bytes < 0 || bytes > heap / 4) {
      throw new SpectrolensException(option, String.format(Locale.ROOT,
          "%s would take %s, more than a quarter of this JVM's %s heap (raise it with SPECTROLENS_JAVA_OPTS=-Xmx...)",
          what, bytes(bytes), bytes(heap)));
    }
  }

  /** Refuses a file option (null: not given) naming nothing, or a folder, before any work. */
  static void isFile(java.nio.file.Path file) {
    if (file == null || java.nio.file.Files.isRegularFile(file)) return;
    throw new SpectrolensException(file.toString(), java.nio.file.Files.isDirectory(file) ? "is a folder; expected a file" : "no such file");
  }

  private static String bytes(long b) {
    if (b < 0) return "more than 8 EiB";
    if (b >= 1L << 30) return String.format(Locale.ROOT, "%.1f GiB", b / (double) (1L << 30));
    return String.format(Locale.ROOT, "%.1f MiB", b / (double) (1L << 20));
  }

  /** The range of an option: its own {@link Param}, or that of the record component it {@link Sets}. */
  private static Param rangeOf(OptionSpec o) {
    Param own = ownRangeOf(o);
    if (own != null || !(o.userObject() instanceof Field f)) return own;
    Sets sets = f.getAnnotation(Sets.class);
    if (sets == null) return null;
    String parameter = ParameterFlags.parameterOf(o.longestName());
    Param p = parameter == null ? null : Params.named(sets.value(), parameter);
    if (p != null) return p;
    throw new IllegalStateException(o.longestName() + " sets no ranged parameter of " + sets.value().getSimpleName()
        + " (ParameterFlags maps it to " + parameter + ")");
  }

  /** The range the CLI checks itself: a {@link Param} on the option's own field, else that of a {@link SharedOptions shared option}. */
  private static Param ownRangeOf(OptionSpec o) {
    Param own = o.userObject() instanceof Field f ? f.getAnnotation(Param.class) : null;
    return own != null ? own : SharedOptions.rangeOf(o.longestName());
  }

  private static double finiteDouble(String s) {
    double v;
    try {
      v = Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException("expected a number, found '" + s + "'");
    }
    if (!Double.isFinite(v)) throw new CommandLine.TypeConversionException("must be a finite number, found '" + s + "'");
    return v;
  }

  private static long whole(String s, long min, long max) {
    long v;
    try {
      v = Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException("expected a whole number, found '" + s + "'");
    }
    if (v < min || v > max) throw new CommandLine.TypeConversionException("out of range: " + s);
    return v;
  }
}
