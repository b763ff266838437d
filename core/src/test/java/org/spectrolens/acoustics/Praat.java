package org.spectrolens.acoustics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Praat scripts (praat --run) for comparison tests; absent Praat means the tests skip. */
final class Praat {
  private Praat() {}

  static boolean available() {
    try {
      Process p = new ProcessBuilder("praat", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs a script with arguments; returns its info-window lines (stdout). */
  static List<String> run(Path dir, String script, String... args) throws IOException, InterruptedException {
    Path file = dir.resolve("script.praat");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    List<String> cmd = new ArrayList<>(List.of("praat", "--run", file.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("praat failed: " + out);
    }
    return out.lines().filter(l -> !l.isBlank()).toList();
  }

  /** Praat prints undefined values as --undefined--. */
  static double number(String token) {
    return token.contains("undefined") ? Double.NaN : Double.parseDouble(token);
  }
}
