package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.spectrolens.SpectrolensException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The library's parameter names become the CLI's flags, and nothing else in a message changes. */
class ParameterFlagsTest {
  private static CommandSpec command(String name) {
    return Main.commandLine().getSubcommands().get(name).getCommandSpec();
  }

  @Test
  void aParameterSubjectBecomesTheFlagOfTheRunningCommand() {
    SpectrolensException e = SpectrolensException.ofParameter("n_fft", "must lie in [2, 65536], found 0");
    assertEquals("n_fft: must lie in [2, 65536], found 0", e.getMessage()); // the library's own words
    assertEquals("--n-fft: must lie in [2, 65536], found 0", ParameterFlags.message(e, command("spectrogram")));
    // a command without --n-fft did not take the value from an option: the parameter stays named as it is
    assertEquals("n_fft: must lie in [2, 65536], found 0", ParameterFlags.message(e, command("train")));
    assertEquals("--method nmf: needs a non-negative matrix",
        ParameterFlags.message(SpectrolensException.ofParameter("method", "nmf", "needs a non-negative matrix"), command("decompose")));
    assertEquals("--group-by speaker: one speaker",
        ParameterFlags.message(SpectrolensException.ofParameter("by_speaker", "one speaker"), command("dataset")));
  }

  @Test
  void onlyRecognisableNamesAreRewritten() {
    // a file named like a parameter, and words that equal parameter names, stay as they are
    SpectrolensException file = new SpectrolensException("grid", "the grid is out of step with the model's batch");
    assertEquals("grid: the grid is out of step with the model's batch", ParameterFlags.message(file, command("faithfulness")));
    // backticked mentions become flags; unknown backticked words and code stay
    SpectrolensException hint = new SpectrolensException("/x/out", "choose another `out`, or `force`; see `sox in.wav out.wav` and `nothing`");
    assertEquals("/x/out: choose another --out, or --force; see `sox in.wav out.wav` and `nothing`", ParameterFlags.message(hint, null));
  }

  @Test
  void aProblemSeenFromAFileKeepsItsParameter() {
    SpectrolensException inner = SpectrolensException.ofParameter("fmin", "must be below the Nyquist frequency (8000.0 Hz), found 9000.0");
    SpectrolensException outer = new SpectrolensException("a.wav", inner);
    assertEquals("a.wav: fmin: must be below the Nyquist frequency (8000.0 Hz), found 9000.0", outer.getMessage());
    assertEquals("a.wav: --fmin: must be below the Nyquist frequency (8000.0 Hz), found 9000.0",
        ParameterFlags.message(outer, command("spectrogram")));
    // flattened into a file's problem text (a dataset.json's spec), the field is the file's, not an option
    SpectrolensException flat = new SpectrolensException("ds/dataset.json", "spec: " + inner.getMessage());
    assertEquals("ds/dataset.json: spec: fmin: must be below the Nyquist frequency (8000.0 Hz), found 9000.0",
        ParameterFlags.message(flat, command("evaluate")));
  }

  @Test
  void everyFlagOfTheTableIsAnOptionOfSomeCommandAndSetsOneParameter() {
    Set<String> options = new HashSet<>();
    collect(Main.commandLine(), options);
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, String> e : ParameterFlags.FLAGS.entrySet()) {
      String flag = e.getValue().split(" ")[0];
      assertTrue(options.contains(flag), e.getKey() + " -> " + flag + ": no command has that option");
      assertTrue(seen.add(e.getValue()), e.getValue() + " sets two parameters");
      assertEquals(e.getKey(), ParameterFlags.parameterOf(e.getValue()));
      assertTrue(e.getKey().matches("[a-z][a-z0-9_]*"), e.getKey() + " is not snake_case");
    }
  }

  private static void collect(CommandLine cl, Set<String> options) {
    cl.getCommandSpec().options().forEach(o -> options.add(o.longestName()));
    cl.getSubcommands().values().forEach(c -> collect(c, options));
  }
}
