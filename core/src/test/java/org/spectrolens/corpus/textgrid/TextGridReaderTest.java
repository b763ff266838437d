package org.spectrolens.corpus.textgrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.SpectrolensException;

class TextGridReaderTest {
  @TempDir Path tmp;

  private static Path fixture(String name) {
    try {
      return Path.of(TextGridReaderTest.class.getResource("/textgrid/" + name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The anchors' MFA example: words (3 intervals) and phones "", S, IY1, "" over 0.5 s. */
  private static void assertMfaExample(TextGrid g) {
    assertEquals(0.0, g.xmin());
    assertEquals(0.5, g.xmax());
    assertEquals(List.of("words", "phones"), g.tiers().stream().limit(2).map(TextGrid.Tier::name).toList());
    TextGrid.Tier words = g.tier("words").orElseThrow();
    assertEquals(List.of(new TextGrid.Interval(0, 0.12, ""), new TextGrid.Interval(0.12, 0.41, "see"),
        new TextGrid.Interval(0.41, 0.5, "")), words.intervals());
    TextGrid.Tier phones = g.tier("phones").orElseThrow();
    assertEquals(List.of(new TextGrid.Interval(0, 0.12, ""), new TextGrid.Interval(0.12, 0.23, "S"),
        new TextGrid.Interval(0.23, 0.41, "IY1"), new TextGrid.Interval(0.41, 0.5, "")), phones.intervals());
    assertEquals(0.0, phones.xmin());
    assertEquals(0.5, phones.xmax());
  }

  @Test
  void readsMfaLongAndShortFormats() {
    TextGrid lng = TextGridReader.read(fixture("mfa_long.TextGrid"));
    TextGrid shrt = TextGridReader.read(fixture("mfa_short.TextGrid"));
    assertMfaExample(lng);
    assertMfaExample(shrt);
    assertEquals(lng, shrt);
  }

  @Test
  void readsPraatsOwnUtf16Files() throws IOException {
    // written by `praat --run` (Save as text file / short text file): UTF-16 BE with BOM, because
    // the point tier's mark holds a non-ASCII character and doubled quotes
    byte[] head = Files.readAllBytes(fixture("praat_long_utf16be.TextGrid"));
    assertEquals(0xFE, head[0] & 0xff);
    assertEquals(0xFF, head[1] & 0xff);
    for (String name : List.of("praat_long_utf16be.TextGrid", "praat_short_utf16be.TextGrid")) {
      TextGrid g = TextGridReader.read(fixture(name));
      assertMfaExample(g);
      TextGrid.Tier bell = g.tier("bell").orElseThrow();
      assertEquals(List.of(new TextGrid.Interval(0.3, 0.3, "a \"quoted\" \u0251")), bell.intervals(), name);
    }
  }

  @Test
  void readsAnyEncodingWithOrWithoutByteOrderMark() throws IOException {
    String text = Files.readString(fixture("mfa_long.TextGrid")).replace("\"see\"", "\"s\u0259e\u02d0\"");
    TextGrid expected = TextGridReader.parse(text, "text");
    List<byte[]> encodings = List.of(
        concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE)),
        concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)),
        concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8)),
        text.getBytes(StandardCharsets.UTF_8),
        text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8),
        text.replace("\n", "\r").getBytes(StandardCharsets.UTF_8));
    int k = 0;
    for (byte[] bytes : encodings) {
      Path f = tmp.resolve("enc" + (k++) + ".TextGrid");
      Files.write(f, bytes);
      TextGrid g = TextGridReader.read(f);
      assertEquals(expected, g, f.toString());
      assertEquals("s\u0259e\u02d0", g.tier("words").orElseThrow().intervals().get(1).text());
    }
  }

  @Test
  void readsWebMausTiersAndSampaLabels() {
    TextGrid g = TextGridReader.read(fixture("webmaus_long.TextGrid"));
    assertEquals(List.of("ORT-MAU", "KAN-MAU", "MAU"), g.tiers().stream().map(TextGrid.Tier::name).toList());
    List<TextGrid.Interval> mau = g.tier("MAU").orElseThrow().intervals();
    assertEquals(11, mau.size());
    assertEquals(List.of("<p:>", "m", "i:", "{", "f", "t", "3`", "tS", "3`", "tS", "<p:>"),
        mau.stream().map(TextGrid.Interval::text).toList());
    assertEquals(new TextGrid.Interval(0.39, 0.52, "{"), mau.get(3));
    assertEquals("{ f t 3`", g.tier("KAN-MAU").orElseThrow().intervals().get(2).text());
    assertEquals(1.3, g.xmax());
  }

  @Test
  void readsOldShortHeaderCommentsAndEscapes() {
    String text = String.join("\n",
        "File type = \"ooTextFile short\"",
        "\"TextGrid\"",
        "",
        "0 ! start",
        "1 ! end: 2 \"not data\"",
        "<exists>",
        "1",
        "\"IntervalTier\"",
        "\"say \"\"hi\"\"\"",
        "0", "1", "2",
        "0", "0.25", "\"a\"",
        "0.25", "1", "\"\"\"\"");
    TextGrid g = TextGridReader.parse(text, "old.TextGrid");
    TextGrid.Tier t = g.tiers().get(0);
    assertEquals("say \"hi\"", t.name());
    assertEquals(List.of(new TextGrid.Interval(0, 0.25, "a"), new TextGrid.Interval(0.25, 1, "\"")), t.intervals());
  }

  @Test
  void writerOutputReadsBack() {
    TextGrid g = new TextGrid(0, 2.5, List.of(new TextGrid.Tier("phones", 0, 2.5, List.of(
        new TextGrid.Interval(0, 1.25, ""), new TextGrid.Interval(1.25, 2.125, "AE1"), new TextGrid.Interval(2.125, 2.5, "q\"uote")))));
    Path f = tmp.resolve("w.TextGrid");
    TextGridWriter.write(f, g);
    assertEquals(g, TextGridReader.read(f));
  }

  // ---- malformed files: each names the line of the fault

  private static List<String> mfaLines() throws IOException {
    return new ArrayList<>(Files.readAllLines(fixture("mfa_long.TextGrid")));
  }

  private static void assertRejected(List<String> lines, int expectedLine, String... fragments) {
    SpectrolensException e = assertThrows(SpectrolensException.class,
        () -> TextGridReader.parse(String.join("\n", lines) + "\n", "bad.TextGrid"));
    assertEquals("bad.TextGrid", e.subject());
    assertTrue(e.problem().startsWith("line " + expectedLine + ": "), e.getMessage());
    for (String f : fragments) assertTrue(e.problem().contains(f), e.getMessage());
  }

  private static int lineOf(List<String> lines, String exact, int occurrence) {
    int seen = 0;
    for (int i = 0; i < lines.size(); i++) if (lines.get(i).equals(exact) && seen++ == occurrence) return i + 1;
    throw new IllegalArgumentException(exact);
  }

  @Test
  void rejectsTruncatedFileAtTheLineOfItsEnd() throws IOException {
    List<String> lines = mfaLines();
    List<String> cut = new ArrayList<>(lines.subList(0, lineOf(lines, "            xmax = 0.41 ", 1)));
    // the text ends with a line break, so its end lies on the (empty) line after the last one, as Praat counts
    assertRejected(cut, cut.size() + 1, "expected a string", "text of interval 3 of tier \"phones\"", "end of the file");
  }

  @Test
  void rejectsMissingFieldAtTheLineOfWhatCameInstead() throws IOException {
    List<String> lines = mfaLines();
    int xmax = lineOf(lines, "            xmax = 0.23 ", 0);
    lines.remove(xmax - 1); // interval 2 of phones loses its xmax: its text comes where a number belongs
    assertRejected(lines, xmax, "expected a number", "xmax of interval 2 of tier \"phones\"", "found the string \"S\"");
  }

  @Test
  void rejectsNonNumberWhereNumberBelongs() throws IOException {
    List<String> lines = mfaLines();
    int n = lineOf(lines, "            xmax = 0.23 ", 0);
    lines.set(n - 1, "            xmax = 0.2.3 ");
    assertRejected(lines, n, "expected a number", "found '0.2.3'");

    List<String> shortLines = new ArrayList<>(Files.readAllLines(fixture("mfa_short.TextGrid")));
    int m = lineOf(shortLines, "0.41", 0);
    shortLines.set(m - 1, "\"0.41\"");
    assertRejected(shortLines, m, "expected a number", "found the string \"0.41\"");
  }

  @Test
  void rejectsIntervalsOutOfOrderOrOutsideTheirTier() throws IOException {
    List<String> lines = mfaLines();
    int n = lineOf(lines, "            xmin = 0.23 ", 0);
    lines.set(n - 1, "            xmin = 0.2 ");
    assertRejected(lines, n, "interval 3 of tier \"phones\"", "before interval 2 ends", "out of order");

    List<String> outside = mfaLines();
    int last = lineOf(outside, "            xmax = 0.5 ", 1);
    outside.set(last - 1, "            xmax = 0.6 ");
    assertRejected(outside, last - 1, "interval 4 of tier \"phones\"", "outside the tier");

    List<String> backwards = mfaLines();
    int b = lineOf(backwards, "            xmax = 0.23 ", 0);
    backwards.set(b - 1, "            xmax = 0.1 ");
    assertRejected(backwards, b - 1, "interval 2 of tier \"phones\"", "before it starts");
  }

  @Test
  void rejectsBadCountsQuotesAndHeaders() throws IOException {
    List<String> lines = mfaLines();
    int n = lineOf(lines, "        intervals: size = 4 ", 0);
    lines.set(n - 1, "        intervals: size = 3 "); // one interval left over
    assertRejected(lines, lines.size() - 2, "expected the end of the file");

    List<String> quote = mfaLines();
    int q = lineOf(quote, "            text = \"see\" ", 0);
    quote.set(q - 1, "            text = \"s\"ee\" ");
    assertRejected(quote, q, "after the closing quote");

    List<String> open = mfaLines();
    int o = lineOf(open, "            text = \"IY1\" ", 0);
    open.set(o - 1, "            text = \"IY1 ");
    assertRejected(open, o, "not closed");

    assertRejected(List.of("File type = \"ooText2File\"", "Object class = \"TextGrid\""), 1, "header");
    assertRejected(List.of("File type = \"ooTextFile\"", "Object class = \"Sound\""), 2, "not a TextGrid");
    List<String> size = mfaLines();
    int s = lineOf(size, "size = 2 ", 0);
    size.set(s - 1, "size = 2.5 ");
    assertRejected(size, s, "whole number");
  }

  @Test
  void readErrorsNameTheFile() throws IOException {
    Path f = tmp.resolve("trunc.TextGrid");
    Files.writeString(f, "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\nxmin = 0 \n");
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> TextGridReader.read(f));
    assertEquals(f.toString(), e.subject());
    assertEquals("line 5: expected a number (xmax of the TextGrid), found the end of the file", e.problem());
    assertThrows(SpectrolensException.class, () -> TextGridReader.read(tmp.resolve("none.TextGrid")));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
