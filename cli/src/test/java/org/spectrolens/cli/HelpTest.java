package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/** Help works on every command, without picocli warnings, and shows the documented option ranges. */
class HelpTest {
  private static void collect(CommandLine cl, List<String> into) {
    into.add(cl.getCommandSpec().qualifiedName(" ").replaceFirst("^spectrolens ?", ""));
    cl.getSubcommands().values().forEach(c -> collect(c, into));
  }

  @TestFactory
  Stream<DynamicTest> everyCommandHasHelp() {
    List<String> commands = new ArrayList<>();
    collect(Main.commandLine(), commands);
    assertTrue(commands.size() >= 12, commands.toString());
    return commands.stream().map(c -> DynamicTest.dynamicTest(c.isEmpty() ? "(root)" : c, () -> {
      List<String> args = new ArrayList<>(c.isEmpty() ? List.of() : List.of(c.split(" ")));
      args.add("--help");
      CliRun r = CliRun.of(args.toArray(String[]::new));
      assertEquals(0, r.exit(), r.err());
      assertEquals("", r.err(), "no warnings");
      assertTrue(r.out().contains("Usage: spectrolens"), r.out());
    }));
  }

  @Test
  void rangesAreShownInHelp() {
    String out = CliRun.of("spectrogram", "--help").out().replaceAll("\\s+", " ");
    assertTrue(out.contains("FFT size (default: 400, torchaudio). Range: [2, 65536]."), out);
    assertTrue(CliRun.of("train", "--help").out().replaceAll("\\s+", " ").contains("Range: (0, 10]."));
  }
}
