package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library names its own parameters ({@code grid}, {@code n_fft}), never a command-line flag:
 * no string literal in core's or nn's main sources contains a flag ({@code --grid}). The CLI
 * turns parameter names into its flags ({@link ParameterFlags}). A plain scan of the sources:
 * comments are skipped, so javadoc may still say which flag sets a parameter.
 */
class LibraryMessagesNameNoFlagsTest {
  /** A flag: two dashes and a letter, not inside a word or a longer dash run ("rw-r--r--"). */
  private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z]");

  /** Files whose literals are another program's command line, not a message; with the reason. */
  private static final Map<String, String> OTHER_PROGRAMS = Map.of(
      "org/spectrolens/acoustics/Praat.java", "runs the praat program with its own options");

  @Test
  void noLibraryStringNamesAFlag() throws IOException {
    List<String> found = new ArrayList<>();
    int files = 0;
    for (String module : List.of("core", "nn")) {
      Path root = Path.of("..", module, "src", "main", "java");
      assertTrue(Files.isDirectory(root), root.toAbsolutePath() + " is not there");
      List<Path> sources;
      try (Stream<Path> s = Files.walk(root)) {
        sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      }
      for (Path p : sources) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        String text = Files.readString(p);
        if (OTHER_PROGRAMS.containsKey(rel) || declaresMain(text)) continue; // a tool's own command line
        files++;
        for (Literal l : literals(text)) {
          if (FLAG.matcher(l.text).find()) found.add(module + "/" + rel + ":" + l.line + ": \"" + l.text + "\"");
        }
      }
    }
    assertTrue(files > 300, "scanned only " + files + " source files");
    assertEquals(List.of(), found, "library strings that name a CLI flag; name the parameter (`grid`), as ParameterFlags maps it");
  }

  @Test
  void theScanSeesLiteralsNotComments() {
    String src = "class A { // \"--x\"\n /* \"--y\" */ String a = \"a \\\"q\\\" --grid\"; char c = '\"'; String b = \"\"\"\n  --z\n  \"\"\"; }";
    List<Literal> ls = literals(src);
    assertEquals(List.of("a \\\"q\\\" --grid", "\n  --z\n  "), ls.stream().map(l -> l.text).toList());
    assertTrue(FLAG.matcher(ls.get(0).text).find());
    assertTrue(!FLAG.matcher("rw-r--r--").find(), "file modes are not flags");
  }

  /** A bench or validator with a main method parses its own options (they move out of the library). */
  private static boolean declaresMain(String text) {
    return Pattern.compile("static\\s+void\\s+main\\s*\\(\\s*String").matcher(text).find();
  }

  private record Literal(int line, String text) {}

  /** The string literals and text blocks of a Java source, comments and char literals skipped. */
  static List<Literal> literals(String s) {
    List<Literal> out = new ArrayList<>();
    int line = 1;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (s.startsWith("//", i)) {
        while (i < s.length() && s.charAt(i) != '\n') i++;
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        end = end < 0 ? s.length() : end + 2;
        line += count(s, i, end);
        i = end;
      } else if (s.startsWith("\"\"\"", i)) {
        int end = s.indexOf("\"\"\"", i + 3);
        end = end < 0 ? s.length() : end;
        out.add(new Literal(line, s.substring(s.indexOf('\n', i) , end)));
        line += count(s, i, end);
        i = Math.min(s.length(), end + 3);
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != c && s.charAt(j) != '\n') j += s.charAt(j) == '\\' ? 2 : 1;
        if (c == '"') out.add(new Literal(line, s.substring(i + 1, Math.min(j, s.length()))));
        i = j + 1;
      } else {
        i++;
      }
    }
    return out;
  }

  private static int count(String s, int from, int to) {
    int n = 0;
    for (int k = from; k < to; k++) if (s.charAt(k) == '\n') n++;
    return n;
  }
}
