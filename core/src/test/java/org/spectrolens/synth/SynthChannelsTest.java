package org.spectrolens.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.synth.channel.Channel;

class SynthChannelsTest {
  @TempDir Path tmp;

  /**
   * The default corpus is the one from before channels existed, bit for bit: the SHA-256 of the
   * samples of utterances 0-5 (seed 11, 16 kHz) as main at 8c35d85 made them.
   */
  @Test
  void theDefaultCorpusIsTheOneFromBeforeChannels() throws Exception {
    String before = "e57361ceae7001c54e3ade61814c81e34b12ea2413566bb336650a375157777a";
    assertEquals(before, digest(new SynthCorpus(11, 6, 16000)));
    assertEquals(before, digest(new SynthCorpus(11, 6, 16000, Talkers.DEFAULT, Channel.Variety.CLEAN)));
  }

  private static String digest(SynthCorpus c) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    for (int i = 0; i < c.utterances(); i++) {
      float[] s = c.synthesize(i).samples();
      ByteBuffer b = ByteBuffer.allocate(4 * s.length);
      for (float v : s) b.putFloat(v);
      md.update(b.array());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  @Test
  void variedChannelsKeepTheDrySourcesTruthAndAreTheSameForASeed() {
    SynthCorpus clean = new SynthCorpus(7, 12, 16000);
    SynthCorpus varied = new SynthCorpus(7, 12, 16000, Talkers.DEFAULT, Channel.Variety.VARIED);
    SynthCorpus again = new SynthCorpus(7, 12, 16000, Talkers.DEFAULT, Channel.Variety.VARIED);
    int changed = 0;
    Utterance late = again.synthesize(9);
    for (int i = 0; i < 12; i++) {
      Utterance c = clean.synthesize(i);
      Utterance v = varied.synthesize(i);
      assertEquals(c.truthCsv(), v.truthCsv(), "truth tracks of " + c.id());
      assertEquals(c.textGrid(), v.textGrid(), "alignment of " + c.id());
      assertEquals(c.samples().length, v.samples().length);
      if (!java.util.Arrays.equals(c.samples(), v.samples())) changed++;
      assertEquals(varied.channel(i).csv(), again.channel(i).csv());
    }
    assertArrayEquals(varied.synthesize(9).samples(), late.samples(), "the same whatever the order");
    assertTrue(changed >= 11, "every utterance passes a microphone at least: " + changed);
  }

  @Test
  void speakersCsvListsEachUtterancesChannel() throws Exception {
    SynthCorpus corpus = new SynthCorpus(3, 9, 16000, Talkers.DEFAULT, Channel.Variety.VARIED);
    corpus.write(tmp.resolve("c"), i -> { });
    List<String> rows = Files.readAllLines(tmp.resolve("c/speakers.csv"));
    assertEquals("id,speaker,sex,f0_mean," + Channel.CSV_HEADER, rows.get(0));
    for (int i = 0; i < 9; i++) {
      String id = corpus.id(i);
      String row = rows.stream().filter(r -> r.startsWith(id + ",")).findFirst().orElseThrow();
      assertTrue(row.endsWith("," + corpus.channel(i).csv()), row);
      assertEquals(13, row.split(",", -1).length, row);
    }
    assertTrue(Files.readString(tmp.resolve("c/synth.json")).contains("\"channels\" : \"varied\""));
  }
}
