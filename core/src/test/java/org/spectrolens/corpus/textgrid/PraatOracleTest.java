package org.spectrolens.corpus.textgrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.SpectrolensException;
import org.spectrolens.acoustics.Praat;

/**
 * Praat itself as the oracle: it reads the fixtures to the same intervals, and for malformed files that Praat also refuses, the line number in
 * Praat's message ("... (line 39).") must be the one spectrolens reports. Skipped without praat.
 */
class PraatOracleTest {
  private static final Pattern PRAAT_LINE = Pattern.compile("\\(line (\\d+)\\)");
  private static final Pattern OUR_LINE = Pattern.compile("^line (\\d+): ");
  @TempDir Path tmp;

  /** Praat's error text for reading {@code file}, or null when praat is not installed. */
  private static String praatRead(Path file, Path dir) throws IOException, InterruptedException {
    Path script = dir.resolve("read.praat");
    Files.writeString(script, "Read from file: \"" + file.toAbsolutePath() + "\"\n");
    if (!Praat.available()) return null;
    return Praat.run(script, 30).text();
  }

  @Test
  void praatReadsTheFixturesAsWeDo() throws Exception {
    for (String name : List.of("mfa_long.TextGrid", "mfa_short.TextGrid", "webmaus_long.TextGrid", "praat_long_utf16be.TextGrid")) {
      Path file = Path.of(getClass().getResource("/textgrid/" + name).toURI());
      Path script = tmp.resolve("dump.praat");
      // every interval as "tier<TAB>start us<TAB>end us<TAB>label", as Praat reads them
      Files.writeString(script, String.join("\n",
          "tg = Read from file: \"" + file.toAbsolutePath() + "\"",
          "n = Get number of tiers",
          "for t to n",
          "  if do(\"Is interval tier...\", t)",
          "    m = Get number of intervals: t",
          "    for i to m",
          "      a = Get start time of interval: t, i",
          "      b = Get end time of interval: t, i",
          "      x$ = Get label of interval: t, i",
          "      appendFileLine: \"" + tmp.resolve("dump.txt") + "\", t, tab$, round(a * 1000000), tab$, round(b * 1000000), tab$, x$",
          "    endfor",
          "  endif",
          "endfor", ""));
      Files.deleteIfExists(tmp.resolve("dump.txt"));
      assumeTrue(Praat.available(), "praat not installed");
      Praat.Output out = Praat.run(script, 30);
      assertEquals(0, out.exitCode(), out.text());
      List<String> expected = Files.readAllLines(tmp.resolve("dump.txt"), StandardCharsets.UTF_8);
      List<String> ours = new ArrayList<>();
      TextGrid g = TextGridReader.read(file);
      for (int t = 0; t < g.tiers().size(); t++) {
        for (TextGrid.Interval iv : g.tiers().get(t).intervals()) {
          if (iv.xmin() == iv.xmax()) continue; // point tiers are not dumped
          ours.add((t + 1) + "\t" + Math.round(iv.xmin() * 1e6) + "\t" + Math.round(iv.xmax() * 1e6) + "\t" + iv.text());
        }
      }
      assertEquals(expected, ours, name);
    }
  }

  @Test
  void malformedFilesFailOnTheLinePraatNames() throws Exception {
    List<String> ok = Files.readAllLines(Path.of(getClass().getResource("/textgrid/mfa_long.TextGrid").toURI()));
    Map<String, List<String>> cases = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>(ok);
    missing.remove("            xmax = 0.23 "); // a string where a number belongs
    cases.put("missing field", missing);
    List<String> numberForString = new ArrayList<>(ok);
    numberForString.set(numberForString.indexOf("        name = \"phones\" "), "        name = 7 ");
    cases.put("number for string", numberForString);
    List<String> quote = new ArrayList<>(ok);
    quote.set(quote.indexOf("            text = \"see\" "), "            text = \"s\"ee\" ");
    cases.put("undoubled quote", quote);
    cases.put("truncated", new ArrayList<>(ok.subList(0, 43)));
    List<String> shortForm = new ArrayList<>(Files.readAllLines(Path.of(getClass().getResource("/textgrid/mfa_short.TextGrid").toURI())));
    shortForm.set(shortForm.indexOf("0.41"), "\"0.41\"");
    cases.put("short: string for number", shortForm);

    for (Map.Entry<String, List<String>> c : cases.entrySet()) {
      Path file = tmp.resolve(c.getKey().replaceAll("[^a-z]", "_") + ".TextGrid");
      Files.writeString(file, String.join("\n", c.getValue()) + "\n");
      String praat = praatRead(file, tmp);
      assumeTrue(praat != null, "praat not installed");
      Matcher pm = PRAAT_LINE.matcher(praat);
      assertTrue(pm.find(), c.getKey() + ": praat accepted it: " + praat);
      SpectrolensException e = assertThrows(SpectrolensException.class, () -> TextGridReader.read(file), c.getKey());
      Matcher om = OUR_LINE.matcher(e.problem());
      assertTrue(om.find(), e.getMessage());
      assertEquals(pm.group(1), om.group(1), c.getKey() + ": praat said " + praat.lines().findFirst().orElse("") + "; we said " + e.problem());
    }
  }
}
