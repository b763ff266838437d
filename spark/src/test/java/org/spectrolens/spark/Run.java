package org.spectrolens.spark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.spectrolens.cli.Main;

/** Runs the CLI in-process and captures what it prints. */
record Run(int exit, String out, String err) {
  static synchronized Run of(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = Main.run(args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /** Runs a step that must succeed. */
  static Run ok(String... args) {
    Run r = of(args);
    if (r.exit() != 0) throw new AssertionError(String.join(" ", args) + " failed: " + r.err());
    return r;
  }
}
