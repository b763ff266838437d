package org.spectrolens.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.SpectrolensException;
import org.spectrolens.corpus.textgrid.TextGrid;
import org.spectrolens.corpus.textgrid.TextGridWriter;

class CorpusReaderTest {
  private static final int RATE = 22050;
  @TempDir Path root;

  private static Corpus read(Path root, Task task, Speakers speakers) {
    return CorpusReader.read(root, new CorpusReader.Options(LabelMap.of(task), null, null, speakers, DurationProbe.headers()));
  }

  /** Phone tiers as MFA writes them: contiguous intervals, silence as "". */
  private static TextGrid phones(double xmax, Object... labelEnds) {
    List<TextGrid.Interval> iv = new ArrayList<>();
    double t = 0;
    for (int i = 0; i < labelEnds.length; i += 2) {
      double end = (Double) labelEnds[i + 1];
      iv.add(new TextGrid.Interval(t, end, (String) labelEnds[i]));
      t = end;
    }
    TextGrid.Tier words = new TextGrid.Tier("words", 0, xmax, List.of(new TextGrid.Interval(0, xmax, "word")));
    return new TextGrid(0, xmax, List.of(words, new TextGrid.Tier("phones", 0, xmax, iv)));
  }

  @BeforeEach
  void ljSpeech() throws IOException {
    Files.createDirectories(root.resolve("wavs"));
    Files.createDirectories(root.resolve("TextGrid"));
    Files.writeString(root.resolve("metadata.csv"), String.join("\n",
        "LJ001-0001|He sees a cat.|He sees a cat.",
        "LJ001-0002|Two.|Two.",
        "LJ001-0003|No audio.|No audio.",
        "LJ001-0004|Overrun.|Overrun.",
        "LJ001-0005|No alignment.|No alignment.") + "\n");
    TestWavs.tone(root.resolve("wavs/LJ001-0001.wav"), 200, 1.0, RATE);
    TestWavs.tone(root.resolve("wavs/LJ001-0002.wav"), 300, 0.8, RATE);
    TestWavs.tone(root.resolve("wavs/LJ001-0004.wav"), 400, 0.5, RATE);
    TestWavs.tone(root.resolve("wavs/LJ001-0005.wav"), 400, 0.5, RATE);
    TextGridWriter.write(root.resolve("TextGrid/LJ001-0001.TextGrid"), phones(1.0,
        "", 0.1, "HH", 0.15, "IY1", 0.3, "S", 0.42, "AH0", 0.5, "K", 0.58, "AE1", 0.7, "T", 0.8, "", 1.0));
    TextGridWriter.write(root.resolve("TextGrid/LJ001-0002.TextGrid"), phones(0.8,
        "", 0.05, "T", 0.12, "UW1", 0.3, "spn", 0.5, "ER0", 0.56, "AA2", 0.7, "", 0.8));
    TextGridWriter.write(root.resolve("TextGrid/LJ001-0003.TextGrid"), phones(0.5, "IY1", 0.5));
    // 0.5 s of audio: AE ends 10 ms past the end (clamped), UW lies beyond it (skipped)
    TextGridWriter.write(root.resolve("TextGrid/LJ001-0004.TextGrid"), phones(0.9,
        "", 0.3, "AE1", 0.51, "UW1", 0.7, "", 0.9));
  }

  @Test
  void primaryStressKeepsStressedVowelsAndCountsEachStress() {
    Corpus primary = CorpusReader.read(root, new CorpusReader.Options(LabelMap.of(Task.VOWELS).withStress(Stress.PRIMARY), null,
        null, Speakers.none(), DurationProbe.headers()));
    // ER0 (unstressed) and AA2 (secondary) of LJ001-0002 are left out; IY1, AE1, UW1 and AE1 kept.
    assertEquals(List.of("i", "ae", "u", "ae"), primary.segments().stream().map(Segment::label).toList());
    assertEquals(Map.of("kept primary (1)", 5, "skipped unstressed (0)", 1, "skipped secondary (2)", 1), primary.stress().counts());
    assertEquals(1, primary.dropped().counts().get("unstressed (0) vowel, not kept with stress primary"));
    assertEquals(6, primary.dropped().counts().get("other label"), "a stress-skipped vowel is not also an other label");
    Corpus any = CorpusReader.read(root, new CorpusReader.Options(LabelMap.of(Task.VOWELS).withStress(Stress.ANY), null,
        null, Speakers.none(), DurationProbe.headers()));
    assertEquals(6, any.segments().size());
    assertEquals(Map.of("kept primary (1)", 5, "kept unstressed (0)", 1, "kept secondary (2)", 1), any.stress().counts());
    assertEquals(List.of(1, 0, 2, -1, -1, -1), List.of(Stress.digit("IY1"), Stress.digit("ER0"), Stress.digit("aa2"),
        Stress.digit("iː"), Stress.digit("2"), Stress.digit("i")));
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> Stress.fromId("strong"));
    assertEquals("stress", e.parameter());
  }

  @Test
  void ljSpeechVowelSegmentsKeepTheAlignmentsBoundaries() {
    Corpus c = read(root, Task.VOWELS, Speakers.none());
    List<String> got = c.segments().stream()
        .map(s -> s.source().getFileName() + " " + s.start() + "-" + s.end() + " " + s.label()).toList();
    assertEquals(List.of(
        "LJ001-0001.wav 0.15-0.3 i", "LJ001-0001.wav 0.58-0.7 ae",
        "LJ001-0002.wav 0.12-0.3 u", "LJ001-0002.wav 0.5-0.56 er", "LJ001-0002.wav 0.56-0.7 aa",
        "LJ001-0004.wav 0.3-0.5 ae"), got);
    assertEquals("LJ001-0001_0003_i", c.segments().get(0).id());
    assertEquals(Map.of(Skips.MISSING_WAV, 1, Skips.MISSING_ALIGNMENT, 1, Skips.OUTSIDE_FILE, 1), c.skipped().counts());
    assertEquals("wavs/LJ001-0003.wav", c.skipped().example(Skips.MISSING_WAV));
    // dropped by design: 6 silences + spn in the files read; other phones HH S AH0 K T and T
    assertEquals(Map.of("silence or noise", 7, "other label", 6), c.dropped().counts());
    assertEquals(1.0, c.durations().get(root.resolve("wavs/LJ001-0001.wav")), 1e-12);
    assertEquals(List.of(""), List.copyOf(c.speakers()));
  }

  @Test
  void voicingAndSpeakersFile() throws IOException {
    Files.writeString(root.resolve("speakers.csv"), "id,speaker,gender\nLJ001-0001,A,f\nLJ001-0002,B,m\n");
    Corpus c = read(root, Task.VOICING, Speakers.find(root, null));
    // IY AE UW ER AA + the clamped AE of 0004; S K T + T
    assertEquals(Map.of("voiced", 6, "unvoiced", 4), Segments.counts(c.segments()));
    assertEquals(List.of("", "A", "B"), List.copyOf(c.speakers())); // LJ001-0004 is not listed
    assertEquals("A", c.segments().get(0).speaker());
  }

  @Test
  void undecodableAudioAndMalformedAlignmentsAreCounted() throws IOException {
    Files.writeString(root.resolve("wavs/LJ001-0002.wav"), "not audio at all");
    Files.writeString(root.resolve("TextGrid/LJ001-0004.TextGrid"), "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\nxmin = 0\n");
    Corpus c = read(root, Task.VOWELS, Speakers.none());
    assertEquals(Map.of(Skips.MISSING_WAV, 1, Skips.MISSING_ALIGNMENT, 1, Skips.DECODE_ERROR, 1, "malformed alignment", 1), c.skipped().counts());
    assertTrue(c.skipped().example("malformed alignment").contains("LJ001-0004.TextGrid: line 5: expected a number"), c.skipped().example("malformed alignment"));
    assertEquals(2, c.segments().size()); // LJ001-0001's i and ae
  }

  @Test
  void mfaMultiSpeakerTiersGiveTheSpeaker() {
    TextGrid two = new TextGrid(0, 1.0, List.of(
        new TextGrid.Tier("anna - words", 0, 1.0, List.of(new TextGrid.Interval(0, 1.0, "see"))),
        new TextGrid.Tier("anna - phones", 0, 1.0, List.of(new TextGrid.Interval(0, 0.4, "S"), new TextGrid.Interval(0.4, 1.0, "IY1"))),
        new TextGrid.Tier("bo - phones", 0, 1.0, List.of(new TextGrid.Interval(0, 0.5, "UW1"), new TextGrid.Interval(0.5, 1.0, "")))));
    TextGridWriter.write(root.resolve("TextGrid/LJ001-0001.TextGrid"), two);
    Corpus c = read(root, Task.VOWELS, Speakers.none());
    List<String> first = c.segments().stream().filter(s -> s.source().getFileName().toString().equals("LJ001-0001.wav"))
        .map(s -> s.id() + " " + s.label() + " " + s.speaker()).toList();
    assertEquals(List.of("LJ001-0001_anna_0002_i i anna", "LJ001-0001_bo_0001_u u bo"), first);
  }

  @Test
  void tierSelectionAndMissingTier() throws IOException {
    Path alt = root.resolve("maus");
    Files.createDirectories(alt);
    TextGrid maus = new TextGrid(0, 1.0, List.of(new TextGrid.Tier("MAU", 0, 1.0, List.of(
        new TextGrid.Interval(0, 0.2, "<p:>"), new TextGrid.Interval(0.2, 0.35, "{"), new TextGrid.Interval(0.35, 0.5, "tS"),
        new TextGrid.Interval(0.5, 0.6, "3`"), new TextGrid.Interval(0.6, 1.0, "<p:>")))));
    for (String id : List.of("LJ001-0001", "LJ001-0002", "LJ001-0004", "LJ001-0005")) TextGridWriter.write(alt.resolve(id + ".TextGrid"), maus);
    Corpus c = CorpusReader.read(root, new CorpusReader.Options(LabelMap.of(Task.VOWELS), alt, null, Speakers.none(), DurationProbe.headers()));
    // 0001 (1.0 s) and 0002 (0.8 s) give ae + er; 0004 (0.5 s) ae only, er outside; 0005 (0.5 s) likewise
    assertEquals(Map.of("ae", 4, "er", 2), Segments.counts(c.segments()));
    assertEquals(Map.of(Skips.MISSING_WAV, 1, Skips.OUTSIDE_FILE, 2), c.skipped().counts());

    SpectrolensException e = assertThrows(SpectrolensException.class, () -> CorpusReader.read(root,
        new CorpusReader.Options(LabelMap.of(Task.VOWELS), null, "segments", Speakers.none(), DurationProbe.headers())));
    assertTrue(e.problem().contains("no tier 'segments' (tiers: words, phones)"), e.getMessage());
  }

  @Test
  void folderPerClassAndManifest(@TempDir Path other) throws IOException {
    for (String cls : List.of("i", "u", "dog")) Files.createDirectories(other.resolve(cls));
    TestWavs.tone(other.resolve("i/a.wav"), 300, 0.25, 16000);
    TestWavs.tone(other.resolve("i/b.wav"), 300, 0.5, 16000);
    TestWavs.tone(other.resolve("u/a.wav"), 300, 0.75, 16000);
    TestWavs.tone(other.resolve("dog/bark.wav"), 300, 0.1, 16000);
    Corpus c = read(other, Task.VOWELS, Speakers.none());
    assertEquals(List.of("i_a 0.0-0.25", "i_b 0.0-0.5", "u_a 0.0-0.75"),
        c.segments().stream().map(s -> s.id() + " " + s.start() + "-" + s.end()).toList());
    assertEquals(Map.of(Skips.OUTSIDE_TASK, 1), c.skipped().counts());
    Corpus chunks = read(other, Task.CHUNKS, Speakers.none());
    assertEquals(List.of("dog", "i", "u"), List.copyOf(chunks.labels()));

    Files.writeString(other.resolve("list.csv"), String.join("\n",
        "path,label,start,end,speaker",
        "i/b.wav,IY1,0.1,0.3,s1",
        "u/a.wav,u,,,s2",
        "u/a.wav,UW,0.5,0.9,s2",
        "gone.wav,i,0,1,s3",
        "dog/bark.wav,dog,0,0.1,s1") + "\n");
    Corpus m = read(other.resolve("list.csv"), Task.VOWELS, Speakers.none());
    assertEquals(List.of("i 0.1-0.3 s1", "u 0.0-0.75 s2"),
        m.segments().stream().map(s -> s.label() + " " + s.start() + "-" + s.end() + " " + s.speaker()).toList());
    assertEquals(Map.of(Skips.OUTSIDE_FILE, 1, Skips.MISSING_WAV, 1, Skips.OUTSIDE_TASK, 1), m.skipped().counts());

    Files.writeString(other.resolve("bad.csv"), "i/b.wav,i,0.3,0.1\n");
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> read(other.resolve("bad.csv"), Task.VOWELS, Speakers.none()));
    assertTrue(e.problem().startsWith("line 1: end 0.1 is not after start 0.3"), e.getMessage());
  }
}
