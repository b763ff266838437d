package org.spectrolens.acoustics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Praat scripts ({@code praat --run}) where Praat is installed: the reference that the
 * formant and pitch trackers, the TextGrid reader and the synthetic corpus are checked against.
 * Praat is never a runtime dependency; callers skip their check when {@link #available()} is false.
 */
public final class Praat {
  private Praat() {}

  /** What a script printed (stdout and stderr together) and its exit code. */
  public record Output(int exitCode, String text) {
    /** The non-blank lines (Praat's info window). */
    public List<String> lines() {
      return text.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  public static boolean available() {
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

  /** Runs a script file with arguments, waiting at most {@code timeoutSeconds}. */
  public static Output run(Path script, long timeoutSeconds, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("praat", "--run", script.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("praat did not finish within " + timeoutSeconds + " s");
    }
    return new Output(p.exitValue(), out);
  }

  /** Writes {@code script} to {@code dir/script.praat}, runs it, and returns its lines; fails on a non-zero exit. */
  public static List<String> runText(Path dir, String script, String... args) throws IOException, InterruptedException {
    Path file = dir.resolve("script.praat");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    Output o = run(file, 60, args);
    if (o.exitCode() != 0) throw new IOException("praat failed: " + o.text());
    return o.lines();
  }

  /** Praat prints undefined values as --undefined--. */
  public static double number(String token) {
    return token.contains("undefined") ? Double.NaN : Double.parseDouble(token);
  }
}
