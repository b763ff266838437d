package org.spectrolens.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.corpus.textgrid.TextGrid;
import org.spectrolens.corpus.textgrid.TextGridWriter;

class SynthCorpusTest {
  @TempDir Path tmp;

  @Test
  void writesTheLjspeechLayoutWithAlignmentsSpeakersAndTruth() throws Exception {
    SynthCorpus corpus = new SynthCorpus(42, 7, 22050);
    SynthCorpus.Summary s = corpus.write(tmp, i -> { });
    assertEquals(7, s.utterances());
    assertEquals(3, s.speakers());
    List<String> meta = Files.readAllLines(tmp.resolve("metadata.csv"));
    assertEquals(7, meta.size());
    for (String line : meta) {
      String[] f = line.split("\\|", -1);
      assertEquals(3, f.length, line);
      assertTrue(f[0].matches("SL\\d{3}-\\d{4}"), f[0]);
      assertTrue(f[1].endsWith(".") && Character.isUpperCase(f[1].charAt(0)), f[1]);
      int words = f[1].split(" ").length;
      assertTrue(words >= 4 && words <= 10, f[1]);
      Path wav = tmp.resolve("wavs").resolve(f[0] + ".wav");
      byte[] bytes = Files.readAllBytes(wav);
      ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      assertEquals(1, b.getShort(20)); // PCM
      assertEquals(1, b.getShort(22)); // mono
      assertEquals(22050, b.getInt(24));
      assertEquals(16, b.getShort(34));
      double duration = (bytes.length - 44) / 2 / 22050.0;
      checkTextGrid(Files.readString(tmp.resolve("TextGrid").resolve(f[0] + ".TextGrid")), duration, f[1]);
      List<String> truth = Files.readAllLines(tmp.resolve("truth").resolve(f[0] + ".csv"));
      assertEquals(Utterance.TRUTH_HEADER, truth.get(0));
      assertEquals((int) Math.floor(duration / 0.01 + 1e-9) + 1, truth.size() - 1);
    }
    List<String> speakers = Files.readAllLines(tmp.resolve("speakers.csv"));
    assertEquals("id,speaker,sex,f0_mean", speakers.get(0));
    assertEquals(8, speakers.size());
    Set<String> sexes = new java.util.HashSet<>();
    for (String line : speakers.subList(1, speakers.size())) {
      String[] f = line.split(",");
      assertTrue(f[0].startsWith(f[1] + "-"), line);
      sexes.add(f[2]);
      double f0 = Double.parseDouble(f[3]);
      assertTrue(f0 > 60 && f0 < 400, line);
    }
    assertEquals(Set.of("male", "female", "child"), sexes);
  }

  /** The tiers tile [0, duration] with no gaps, the words tier spells the transcription. */
  private static void checkTextGrid(String text, double duration, String transcription) {
    Matcher tiers = Pattern.compile("name = \"(\\w+)\"").matcher(text);
    assertTrue(tiers.find());
    assertEquals("words", tiers.group(1));
    assertTrue(tiers.find());
    assertEquals("phones", tiers.group(1));
    String[] parts = text.split("item \\[\\d\\]:");
    assertEquals(3, parts.length);
    for (String tierText : List.of(parts[1], parts[2])) {
      Matcher m = Pattern.compile("xmin = ([0-9.]+) \\n\\s+xmax = ([0-9.]+) \\n\\s+text = \"([^\"]*)\"").matcher(tierText);
      double prev = 0;
      StringBuilder words = new StringBuilder();
      int count = 0;
      while (m.find()) {
        assertEquals(prev, Double.parseDouble(m.group(1)), 0.0, "gap or overlap at " + prev);
        prev = Double.parseDouble(m.group(2));
        assertTrue(prev > Double.parseDouble(m.group(1)));
        if (!m.group(3).isEmpty()) {
          if (words.length() > 0) words.append(' ');
          words.append(m.group(3));
          if (tierText.contains("\"phones\"")) Phone.of(m.group(3));
        }
        count++;
      }
      assertTrue(count > 3);
      assertEquals(duration, prev, 1e-6);
      if (tierText.contains("\"words\"")) {
        String expected = transcription.substring(0, transcription.length() - 1);
        assertEquals(expected.toLowerCase(), words.toString().toLowerCase());
      }
    }
  }

  @Test
  void aFailedWriteLeavesTheEarlierCorpusAndNoPartialOne() throws Exception {
    Path out = tmp.resolve("corpus");
    new SynthCorpus(5, 3, 16000).write(out, i -> { });
    String before = Files.readString(out.resolve("metadata.csv"));
    RuntimeException stop = new RuntimeException("interrupted");
    RuntimeException thrown = assertThrows(RuntimeException.class,
        () -> new SynthCorpus(6, 4, 16000).write(out, done -> {
          if (done == 2) throw stop;
        }));
    assertTrue(thrown == stop, thrown.toString());
    assertEquals(before, Files.readString(out.resolve("metadata.csv")));
    assertTrue(Files.readString(out.resolve("synth.json")).contains("\"seed\" : 5"));
    assertTrue(!Files.exists(tmp.resolve("corpus.partial")), "partial corpus removed");
  }

  @Test
  void refusesAFileAndAnUnmarkedCorpus() throws Exception {
    Path file = tmp.resolve("file");
    Files.writeString(file, "x");
    assertThrows(org.spectrolens.SpectrolensException.class, () -> new SynthCorpus(1, 1, 16000).write(file, i -> { }));
    Path legacy = tmp.resolve("legacy");
    Files.createDirectories(legacy.resolve("truth"));
    Files.writeString(legacy.resolve("metadata.csv"), "");
    Files.writeString(legacy.resolve("speakers.csv"), "");
    // a corpus from before output markers: nothing proves spectrolens wrote all of it, so it stays
    assertThrows(org.spectrolens.SpectrolensException.class, () -> new SynthCorpus(1, 1, 16000).write(legacy, i -> { }));
    assertEquals(0, Files.readAllLines(legacy.resolve("metadata.csv")).size());
  }

  @Test
  void sameSeedSameCorpusWhateverTheOrder() {
    SynthCorpus a = new SynthCorpus(9, 50, 22050);
    SynthCorpus b = new SynthCorpus(9, 50, 22050);
    Utterance late = b.synthesize(37);
    b.synthesize(3);
    assertArrayEquals(a.synthesize(37).samples(), late.samples());
    assertEquals(a.id(37), late.id());
    SynthCorpus c = new SynthCorpus(10, 50, 22050);
    assertTrue(!java.util.Arrays.equals(a.synthesize(37).samples(), c.synthesize(37).samples()));
  }

  @Test
  void truthHasF0ExactlyWhereVoicedAndFormantsOnTargetAtVowelMidpoints() throws Exception {
    SynthCorpus corpus = new SynthCorpus(3, 30, 22050);
    int vowels = 0;
    for (int i = 0; i < 30; i++) {
      Utterance u = corpus.synthesize(i);
      TextGrid g = u.textGrid();
      List<String> rows = List.of(u.truthCsv().split("\n"));
      for (TextGrid.Interval iv : g.tier("phones").orElseThrow().intervals()) {
        if (iv.xmax() - iv.xmin() < 0.04) continue;
        double mid = (iv.xmin() + iv.xmax()) / 2;
        String[] row = rows.get(1 + (int) Math.round(mid / 0.01)).split(",", -1);
        boolean voiceless = iv.text().isEmpty() || Set.of("P", "T", "K", "F", "S", "SH", "TH", "CH", "HH").contains(iv.text());
        if (voiceless) assertEquals("", row[1], iv.text() + " at " + mid + " in " + u.id());
        if (Phone.of(iv.text().isEmpty() ? "AH0" : iv.text()).isVowel() && !iv.text().isEmpty()) {
          double f0 = Double.parseDouble(row[1]);
          assertTrue(f0 > 60 && f0 < 500, u.id() + " f0 " + f0);
          vowels++;
        }
      }
    }
    assertTrue(vowels > 50);
  }

  @Test
  void textGridIsWrittenByTheSharedWriter() {
    Utterance u = new SynthCorpus(1, 3, 22050).synthesize(0);
    String s = TextGridWriter.toLongFormat(u.textGrid());
    assertTrue(s.startsWith("File type = \"ooTextFile\""));
  }

  @Test
  void stressedVowelsLastAbout130MsAndUnstressedAbout70() {
    SynthCorpus corpus = new SynthCorpus(4, 300, 22050);
    double stressed = 0;
    double unstressed = 0;
    int ns = 0;
    int nu = 0;
    for (int i = 0; i < 300; i++) {
      for (UtterancePlan.Segment s : corpus.plan(i).segments()) {
        if (s.label().isEmpty() || !Phone.of(s.label()).isVowel()) continue;
        if (Phone.stress(s.label()) >= 1) {
          stressed += s.end() - s.start();
          ns++;
        } else {
          unstressed += s.end() - s.start();
          nu++;
        }
      }
    }
    assertEquals(0.13, stressed / ns, 0.03);
    assertEquals(0.07, unstressed / nu, 0.02);
  }
}
