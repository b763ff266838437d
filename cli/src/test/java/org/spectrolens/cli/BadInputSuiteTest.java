package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.Directories;

/**
 * The bad-input suite: every row of {@code bad-inputs.txt} (a command line, or a parser fed a
 * damaged file from {@link BadFiles}) with its exact one-line message and exit code. Each CLI case
 * must also leave nothing at its {@code --out}. Rows read {@code exit | message | arguments}, with
 * {@code $D} for the fixture folder ({@link Fixture}) and {@code <id>} for dataset content ids; {@code parse KIND FILE} rows call the parser
 * of KIND on {@code $D/bad/FILE} directly.
 *
 * <p>Exit {@code 2+}: a multi-file run that reports its bad files and writes the good ones.
 *
 * <p>Recording: {@code -Dspectrolens.badinputs.record=FILE} writes every row with the message
 * actually seen, for review when cases are added.
 */
class BadInputSuiteTest {
  private static Path dir;

  @BeforeAll
  static void fixture() throws Exception {
    dir = Files.createTempDirectory("spectrolens-bad-inputs");
    Fixture.build(dir);
  }

  @AfterAll
  static void cleanUp() {
    Directories.deleteTreeQuietly(dir);
  }

  /** One case; {@code writes}: exit {@code 2+} in the table, a folder run that still writes its good files. */
  record Row(int line, int exit, String message, String args, boolean writes) {}

  static List<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = Objects.requireNonNull(BadInputSuiteTest.class.getResourceAsStream("/bad-inputs.txt"))) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        String l = lines[i];
        if (l.isBlank() || l.startsWith("#")) continue;
        String[] f = l.split(" \\| ", 3);
        if (f.length != 3) throw new IllegalStateException("bad-inputs.txt line " + (i + 1) + ": expected 'exit | message | args'");
        String exit = f[0].trim();
        rows.add(new Row(i + 1, Integer.parseInt(exit.replace("+", "")), f[1], f[2].trim(), exit.endsWith("+")));
      }
    }
    return rows;
  }

  @TestFactory
  Stream<DynamicTest> everyBadInputGivesItsOneLine() throws IOException {
    List<Row> rows = rows();
    assertTrue(rows.size() >= 300, "the suite has " + rows.size() + " cases");
    String record = System.getProperty("spectrolens.badinputs.record");
    if (record != null) {
      StringBuilder sb = new StringBuilder();
      for (Row r : rows) {
        Outcome o = run(r);
        sb.append(o.exit).append(r.writes ? "+" : "").append(" | ").append(o.message).append(" | ").append(r.args).append('\n');
      }
      Files.writeString(Path.of(record), sb.toString());
    }
    return rows.stream().map(r -> DynamicTest.dynamicTest("line " + r.line + ": " + r.args, () -> check(r)));
  }

  /** docs/robustness.md states the suite's size: the number of rows, not a number from an earlier day. */
  @org.junit.jupiter.api.Test
  void theDocsStateTheRowCount() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(root.resolve("docs"))) root = root.getParent();
    Path doc = root.resolve("docs/robustness.md");
    String text = Files.readString(doc);
    String claim = "`src/test/resources/bad-inputs.txt`: " + rows().size() + " bad inputs";
    assertTrue(text.contains(claim), "docs/robustness.md should say " + claim);
  }

  private record Outcome(int exit, String message, int lines) {}

  /** The message as the table writes it: the fixture folder as $D, content ids (which hash it) as <id>. */
  private static String normal(String message) {
    return message.replace(dir.toString(), "$D").replaceAll("\\b[0-9a-f]{16}\\b", "<id>");
  }

  private static String expand(String s) {
    return s.replace("$D", dir.toString());
  }

  private static Outcome run(Row r) {
    String args = expand(r.args);
    if (args.startsWith("parse ")) {
      String[] p = args.split(" ", 3);
      try {
        BadFiles.parse(p[1], dir.resolve("bad").resolve(p[2]));
        return new Outcome(0, "", 0);
      } catch (SpectrolensException e) {
        return new Outcome(2, normal(e.getMessage()), 1);
      }
    }
    CliRun c = CliRun.of(args.split(" "));
    String err = c.err().strip();
    String msg = err.startsWith("spectrolens: ") ? err.substring("spectrolens: ".length()) : err;
    return new Outcome(c.exit(), normal(msg), err.isEmpty() ? 0 : (int) err.lines().count());
  }

  private static void check(Row r) {
    Path out = outOf(r.args);
    boolean existed = out != null && Files.exists(out);
    Outcome o = run(r);
    assertEquals(r.message, o.message, "message");
    assertEquals(r.exit, o.exit, "exit code");
    assertEquals(1, o.lines, "exactly one line on stderr");
    if (out != null && !existed && !r.writes) {
      assertFalse(Files.exists(out), "nothing written at " + out);
      assertFalse(Files.exists(out.resolveSibling(out.getFileName() + ".partial")), "no partial output");
    }
  }

  /** The --out of a CLI row, if any. */
  private static Path outOf(String args) {
    List<String> a = Arrays.asList(expand(args).split(" "));
    int i = a.indexOf("--out");
    return i >= 0 && i + 1 < a.size() ? Path.of(a.get(i + 1)) : null;
  }
}
