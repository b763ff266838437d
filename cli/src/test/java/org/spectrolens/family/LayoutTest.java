package org.spectrolens.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README.md's layout table lists every package of the sources, each in its module, and nothing
 * else: the table a newcomer reads is the tree they will find.
 */
class LayoutTest {
  /** Package (without {@code org.spectrolens.}) to module, from the main sources of every module. */
  static Map<String, String> packages(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (String module : new String[] {"core", "nn", "cli", "spark"}) {
      Path src = root.resolve(module).resolve("src/main/java");
      try (Stream<Path> files = Files.walk(src)) {
        files.filter(f -> f.toString().endsWith(".java") && !f.getFileName().toString().equals("package-info.java")).forEach(f -> {
          String pkg = src.relativize(f.getParent()).toString().replace('/', '.');
          String name = pkg.equals("org.spectrolens") ? "(root)" : pkg.substring("org.spectrolens.".length());
          out.put(name, module);
        });
      }
    }
    return out;
  }

  /** The README's rows: {@code | `package` | module | what it holds |} between the layout markers. */
  static Map<String, String> readme(Path root) throws IOException {
    String text = Files.readString(root.resolve("README.md"));
    int a = text.indexOf("<!-- layout:begin -->");
    int b = text.indexOf("<!-- layout:end -->");
    assertTrue(a >= 0 && b > a, "README.md has no <!-- layout:begin --> ... <!-- layout:end --> table");
    Map<String, String> out = new TreeMap<>();
    for (String line : text.substring(a, b).split("\n")) {
      if (!line.startsWith("| `")) continue;
      String[] cells = line.split("\\|");
      out.put(cells[1].trim().replace("`", ""), cells[2].trim());
    }
    return out;
  }

  @Test
  void theReadmesLayoutIsTheSourceTree() throws IOException {
    Path root = FamilyTablesTest.root();
    assertEquals(packages(root), readme(root), "README.md's layout table (package | module) against the sources");
  }
}
