package org.spectrolens.audio;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Runs the reference tool sox; tests that need it are skipped where it is not installed. */
final class Sox {
  private static Boolean present;

  private Sox() {}

  static void assumePresent() {
    if (present == null) {
      try {
        present = new ProcessBuilder("sox", "--version").redirectErrorStream(true).start().waitFor() == 0;
      } catch (IOException | InterruptedException e) {
        present = false;
      }
    }
    assumeTrue(present, "sox is not installed");
  }

  static void run(Object... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add("sox");
    for (Object a : args) cmd.add(a.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) throw new IOException(cmd + " failed: " + out);
  }
}
