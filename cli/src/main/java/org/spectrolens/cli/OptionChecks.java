package org.spectrolens.cli;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.spectrolens.SpectrolensException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Option checking at parse time, the same for every command: numbers parse with one message,
 * doubles must be finite, {@link Range}s are shown in help and enforced, and {@link Checked}
 * commands check their combinations, all before {@code call()} runs. A failure is a picocli
 * {@link ParameterException} that {@link Main} prints as {@code spectrolens: --opt: problem}, exit 2.
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
      Range r = rangeOf(o);
      if (r == null) continue;
      String[] d = o.description();
      String[] desc = d.length == 0 ? new String[] {"Range: " + describe(r) + "."} : Arrays.copyOf(d, d.length);
      if (d.length > 0) desc[d.length - 1] = d[d.length - 1] + " Range: " + describe(r) + ".";
      spec.remove(o);
      spec.addOption(OptionSpec.builder(o).description(desc).descriptionKey("range-decorated." + o.longestName()).build());
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
          Range r = rangeOf(o);
          Object v = o.getValue();
          if (r != null && v instanceof Number n) checkRange(o.longestName(), n, r);
        }
        for (CommandSpec mixin : cl.getCommandSpec().mixins().values()) {
          if (mixin.userObject() instanceof Checked c) c.checkOptions();
        }
        if (cl.getCommand() instanceof Checked c) c.checkOptions();
      } catch (SpectrolensException e) {
        throw new ParameterException(cl, e.getMessage(), e);
      }
    }
  }

  static void checkRange(String option, Number value, Range r) {
    double v = value.doubleValue();
    if (r.orZero() && v == 0) return;
    boolean ok = (r.minOpen() ? v > r.min() : v >= r.min()) && (r.maxOpen() ? v < r.max() : v <= r.max());
    if (!ok) {
      throw new SpectrolensException(option, (r.orZero() ? "must be 0 or lie in " : "must lie in ") + interval(r) + ", found " + number(v));
    }
  }

  /** For help: "[1, 65536]", "(0, inf)", "0 or [1000, 768000]". */
  static String describe(Range r) {
    return r.orZero() ? "0 or " + interval(r) : interval(r);
  }

  private static String interval(Range r) {
    boolean openMin = r.minOpen() || Double.isInfinite(r.min());
    boolean openMax = r.maxOpen() || Double.isInfinite(r.max());
    return (openMin ? "(" : "[") + number(r.min()) + ", " + number(r.max()) + (openMax ? ")" : "]");
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

  private static String bytes(long b) {
    if (b < 0) return "more than 8 EiB";
    if (b >= 1L << 30) return String.format(Locale.ROOT, "%.1f GiB", b / (double) (1L << 30));
    return String.format(Locale.ROOT, "%.1f MiB", b / (double) (1L << 20));
  }

  static String number(double v) {
    if (v == Double.POSITIVE_INFINITY) return "inf";
    if (v == Double.NEGATIVE_INFINITY) return "-inf";
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    return Double.toString(v);
  }

  private static Range rangeOf(OptionSpec o) {
    return o.userObject() instanceof Field f ? f.getAnnotation(Range.class) : null;
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
