package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs a script of scripts/reference with Debian's python3; the test skips where it or the modules it imports are absent. */
final class ReferenceScripts {
  private ReferenceScripts() {}

  /** {@code script} (a file name) with {@code args}, after checking that {@code modules} import; returns what it printed. */
  static String run(String script, String modules, String... args) throws Exception {
    Path python = Path.of("/usr/bin/python3");
    Path file = Path.of("../scripts/reference").resolve(script).toAbsolutePath().normalize();
    Assumptions.assumeTrue(Files.isExecutable(python) && Files.isRegularFile(file), "no /usr/bin/python3 or " + script);
    Process probe = new ProcessBuilder(python.toString(), "-c", "import " + modules).redirectErrorStream(true).start();
    Assumptions.assumeTrue(probe.waitFor(120, TimeUnit.SECONDS) && probe.exitValue() == 0, modules + " not installed");
    List<String> cmd = new ArrayList<>(List.of(python.toString(), file.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(600, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    return out;
  }
}
