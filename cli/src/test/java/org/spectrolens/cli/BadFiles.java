package org.spectrolens.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.RawFormat;
import org.spectrolens.corpus.CorpusReader;
import org.spectrolens.corpus.DurationProbe;
import org.spectrolens.corpus.LabelMap;
import org.spectrolens.corpus.Speakers;
import org.spectrolens.corpus.Task;
import org.spectrolens.corpus.textgrid.TextGridReader;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.io.Npy;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.nn.weights.SafeTensors;

/**
 * Damaged files for the bad-input suite, each made from a good one by one change (truncation, a
 * wrong field, a NaN), and the parser each kind goes through ({@link #parse}).
 */
final class BadFiles {
  private BadFiles() {}

  /** Runs the parser of {@code kind} on {@code file}. */
  static void parse(String kind, Path file) {
    switch (kind) {
      case "audio" -> AudioFile.read(file);
      case "probe" -> AudioFile.probe(file);
      case "raw-s16le", "raw-f32le", "raw-s24le" -> AudioFile.readRaw(file, RawFormat.of(16000, 1, kind.substring(4)));
      case "textgrid" -> TextGridReader.read(file);
      case "manifest" -> CorpusReader.read(file, new CorpusReader.Options(LabelMap.of(Task.VOWELS), null, null,
          Speakers.none(), DurationProbe.headers()));
      case "npy" -> Npy.read(file);
      case "safetensors" -> SafeTensors.readAll(file);
      case "config" -> TrainedModel.readConfig(file);
      case "dataset" -> CachedDataset.open(file);
      default -> throw new IllegalArgumentException("unknown parser kind " + kind);
    }
  }

  static void write(Path d) throws IOException {
    Path b = Files.createDirectories(d.resolve("bad"));
    wav(b, Files.readAllBytes(d.resolve("good.wav")));
    flac(b, Files.readAllBytes(d.resolve("good.flac")));
    raw(b);
    textGrids(b);
    manifests(b, d);
    npy(b, Files.readAllBytes(d.resolve("tone.npy")));
    safetensors(b);
    configs(b, Files.readString(d.resolve("model/config.json")));
    datasets(b, Files.readString(d.resolve("ds/dataset.json")), Files.readString(d.resolve("ds/manifest.csv")));
  }

  private static void put(Path dir, String name, byte[] bytes) throws IOException {
    Files.write(dir.resolve(name), bytes);
  }

  private static void put(Path dir, String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static byte[] with(byte[] good, int at, int... bytes) {
    byte[] b = good.clone();
    for (int i = 0; i < bytes.length; i++) b[at + i] = (byte) bytes[i];
    return b;
  }

  private static byte[] le32(byte[] good, int at, int v) {
    byte[] b = good.clone();
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, v);
    return b;
  }

  private static byte[] le16(byte[] good, int at, int v) {
    byte[] b = good.clone();
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(at, (short) v);
    return b;
  }

  /** good.wav: 44-byte canonical header (fmt at 12, data at 36), 16-bit mono 16 kHz. */
  private static void wav(Path b, byte[] g) throws IOException {
    for (int n : new int[] {0, 3, 4, 11, 12, 20, 30, 36, 40}) put(b, "wav-cut-" + n + ".wav", Arrays.copyOf(g, n));
    put(b, "wav-odd-data.wav", Arrays.copyOf(g, 45));
    put(b, "wav-magic-rifx.wav", with(g, 0, 'R', 'I', 'F', 'X'));
    put(b, "wav-magic-junk.wav", with(g, 0, 'J', 'U', 'N', 'K'));
    put(b, "wav-form-wavx.wav", with(g, 8, 'W', 'A', 'V', 'X'));
    put(b, "wav-format-adpcm.wav", le16(g, 20, 2));
    put(b, "wav-format-0.wav", le16(g, 20, 0));
    put(b, "wav-channels-0.wav", le16(g, 22, 0));
    put(b, "wav-rate-0.wav", le32(g, 24, 0));
    put(b, "wav-rate-negative.wav", le32(g, 24, -16000));
    put(b, "wav-bits-12.wav", le16(g, 34, 12));
    put(b, "wav-bits-0.wav", le16(g, 34, 0));
    put(b, "wav-block-align-0.wav", le16(g, 32, 0));
    put(b, "wav-fmt-size-huge.wav", le32(g, 16, 0x7fffff00));
    put(b, "wav-fmt-size-small.wav", le32(g, 16, 4));
    put(b, "wav-no-fmt.wav", with(g, 12, 'j', 'u', 'n', 'k'));
    put(b, "wav-no-data.wav", with(g, 36, 'j', 'u', 'n', 'k'));
    put(b, "wav-float-bits-16.wav", le16(g, 20, 3));
    byte[] f = floatWav(new float[] {0.1f, Float.NaN, 0.2f});
    put(b, "wav-float-nan.wav", f);
    put(b, "wav-float-inf.wav", floatWav(new float[] {0.1f, 0.2f, Float.NEGATIVE_INFINITY}));
    put(b, "mp3-id3.wav", "ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000rest".getBytes(StandardCharsets.ISO_8859_1));
    put(b, "text.wav", "this is not audio at all, just words");
    put(b, "ogg.wav", "OggS\u0000\u0002rest-of-an-ogg-page".getBytes(StandardCharsets.ISO_8859_1));
  }

  private static byte[] floatWav(float[] x) {
    ByteBuffer w = ByteBuffer.allocate(44 + 4 * x.length).order(ByteOrder.LITTLE_ENDIAN);
    w.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 4 * x.length).put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
        .putInt(16).putShort((short) 3).putShort((short) 1).putInt(16000).putInt(64000).putShort((short) 4).putShort((short) 32)
        .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(4 * x.length);
    for (float v : x) w.putFloat(v);
    return w.array();
  }

  /** good.flac: "fLaC", STREAMINFO (34 bytes from 8), frames. */
  private static void flac(Path b, byte[] g) throws IOException {
    for (int n : new int[] {4, 8, 20, 42, 60, g.length - 10}) put(b, "flac-cut-" + n + ".flac", Arrays.copyOf(g, n));
    put(b, "flac-magic.flac", with(g, 0, 'f', 'L', 'a', 'X'));
    put(b, "flac-streaminfo-length-0.flac", with(g, 5, 0, 0, 0));
    put(b, "flac-first-block-not-streaminfo.flac", with(g, 4, g[4] | 0x03));
    put(b, "flac-rate-0.flac", with(g, 18, 0, 0, g[20] & 0x0f));
    put(b, "flac-frame-sync.flac", with(g, 42, 0, 0));
    byte[] crc = g.clone();
    crc[g.length - 1] ^= 0x55;
    put(b, "flac-frame-crc.flac", crc);
    byte[] mid = g.clone();
    mid[g.length / 2] ^= 0x10;
    put(b, "flac-frame-bits.flac", mid);
  }

  private static void raw(Path b) throws IOException {
    put(b, "raw-odd.raw", new byte[] {1, 2, 3});
    ByteBuffer f = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(Float.NaN).putFloat(0f);
    put(b, "raw-f32-nan.raw", f.array());
    ByteBuffer i = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(Float.POSITIVE_INFINITY);
    put(b, "raw-f32-inf.raw", i.array());
    put(b, "raw-s24-partial.raw", new byte[] {1, 2, 3, 4});
  }

  private static final String TG_HEAD = "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\n";

  private static String tgLong(String tierBody) {
    return TG_HEAD + "xmin = 0\nxmax = 2\ntiers? <exists>\nsize = 1\nitem []:\n    item [1]:\n        class = \"IntervalTier\"\n"
        + "        name = \"phones\"\n        xmin = 0\n        xmax = 2\n" + tierBody;
  }

  private static void textGrids(Path b) throws IOException {
    String ok = "        intervals: size = 2\n        intervals [1]:\n            xmin = 0\n            xmax = 1\n            text = \"IY1\"\n"
        + "        intervals [2]:\n            xmin = 1\n            xmax = 2\n            text = \"\"\n";
    put(b, "tg-empty.TextGrid", "");
    put(b, "tg-not-praat.TextGrid", "hello world\n");
    put(b, "tg-binary.TextGrid", "ooBinaryFile\u0008TextGrid");
    put(b, "tg-chronological.TextGrid", "\"Praat chronological TextGrid text file\"\n0 2   ! Time domain.\n");
    put(b, "tg-pitch.TextGrid", "File type = \"ooTextFile\"\nObject class = \"Pitch 1\"\n\n0 1\n");
    put(b, "tg-xmax-below-xmin.TextGrid", tgLong(ok).replaceFirst("xmin = 0\nxmax = 2", "xmin = 3\nxmax = 2"));
    put(b, "tg-unclosed-string.TextGrid", tgLong(ok).replace("text = \"IY1\"", "text = \"IY1"));
    put(b, "tg-overlap.TextGrid", tgLong(ok.replace("            xmin = 1\n", "            xmin = 0.5\n")));
    put(b, "tg-backwards.TextGrid", tgLong(ok.replace("            xmax = 1\n", "            xmax = -1\n")));
    put(b, "tg-outside-tier.TextGrid", tgLong(ok.replace("            xmax = 2\n            text = \"\"", "            xmax = 5\n            text = \"\"")));
    put(b, "tg-size-too-large.TextGrid", tgLong(ok.replace("intervals: size = 2", "intervals: size = 3")));
    put(b, "tg-size-huge.TextGrid", tgLong(ok.replace("intervals: size = 2", "intervals: size = 2000000000")));
    put(b, "tg-size-negative.TextGrid", tgLong(ok.replace("intervals: size = 2", "intervals: size = -2")));
    put(b, "tg-size-fraction.TextGrid", tgLong(ok.replace("intervals: size = 2", "intervals: size = 1.5")));
    put(b, "tg-time-word.TextGrid", tgLong(ok.replace("            xmax = 1\n", "            xmax = one\n")));
    put(b, "tg-time-overflow.TextGrid", tgLong(ok.replace("            xmax = 1\n", "            xmax = 1e999\n")));
    put(b, "tg-tier-class.TextGrid", tgLong(ok).replace("\"IntervalTier\"", "\"CurveTier\""));
    put(b, "tg-trailing.TextGrid", tgLong(ok) + "\n42\n");
    put(b, "tg-bad-char.TextGrid", tgLong(ok).replace("text = \"\"", "text = \"\" @"));
    put(b, "tg-no-tiers-flag.TextGrid", tgLong(ok).replace("tiers? <exists>", "tiers? <absent>"));
    put(b, "tg-utf16-odd.TextGrid", new byte[] {(byte) 0xff, (byte) 0xfe, 'F', 0, 'i'});
    put(b, "tg-points-order.TextGrid", TG_HEAD + "0\n2\n<exists>\n1\n\"TextTier\"\n\"bells\"\n0\n2\n2\n1.5\n\"a\"\n0.5\n\"b\"\n");
    put(b, "tg-point-outside.TextGrid", TG_HEAD + "0\n2\n<exists>\n1\n\"TextTier\"\n\"bells\"\n0\n2\n1\n7\n\"a\"\n");
    put(b, "tg-short-truncated.TextGrid", TG_HEAD + "0\n2\n<exists>\n1\n\"IntervalTier\"\n\"phones\"\n0\n2\n2\n0\n1\n\"a\"\n");
  }

  private static void manifests(Path b, Path d) throws IOException {
    Files.copy(d.resolve("good.wav"), b.resolve("a.wav"));
    put(b, "m-header-no-label.csv", "path,start,end\na.wav,0,1\n");
    put(b, "m-header-start-only.csv", "path,label,start\na.wav,IY1,0\n");
    put(b, "m-fields-6.csv", "a.wav,IY1,0,1,s1,extra\n");
    put(b, "m-fields-1.csv", "a.wav\n");
    put(b, "m-header-short-row.csv", "path,label,start,end\na.wav,IY1\n");
    put(b, "m-start-word.csv", "a.wav,IY1,zero,1\n");
    put(b, "m-start-negative.csv", "a.wav,IY1,-1,0.5\n");
    put(b, "m-end-before-start.csv", "a.wav,IY1,0.6,0.5\n");
    put(b, "m-end-equals-start.csv", "a.wav,IY1,0.5,0.5\n");
    put(b, "m-start-nan.csv", "a.wav,IY1,NaN,0.5\n");
    put(b, "m-end-inf.csv", "a.wav,IY1,0,Infinity\n");
    put(b, "m-nul-path.csv", "a.w\u0000av,IY1\n");
    put(b, "m-unclosed-quote.csv", "\"a.wav,IY1\n");
    put(b, "m-latin1.csv", "a.wav,IY1,0,0.5,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    // event annotations of dataset --events (recordings in this folder: a.wav)
    put(b, "ev-latin1.csv", "file,onset,offset,label\na.wav,0.1,0.5,toux s\u00e8che\n".getBytes(StandardCharsets.ISO_8859_1));
    put(b, "ev-onset-nan.csv", "a.wav,NaN,0.5,cough\n");
    put(b, "ev-onset-negative.csv", "a.wav,-0.5,0.5,cough\n");
  }

  private static void npy(Path b, byte[] g) throws IOException {
    int headerLen = (g[8] & 0xff) | (g[9] & 0xff) << 8;
    String header = new String(g, 10, headerLen, StandardCharsets.ISO_8859_1);
    byte[] data = Arrays.copyOfRange(g, 10 + headerLen, g.length);
    put(b, "npy-empty.npy", new byte[0]);
    put(b, "npy-magic.npy", with(g, 1, 'n'));
    put(b, "npy-version-9.npy", with(g, 6, 9));
    put(b, "npy-v2-short.npy", Arrays.copyOf(with(g, 6, 2), 11));
    put(b, "npy-header-cut.npy", Arrays.copyOf(g, 40));
    put(b, "npy-data-cut.npy", Arrays.copyOf(g, g.length - 2));
    put(b, "npy-data-extra.npy", Arrays.copyOf(g, g.length + 4));
    put(b, "npy-header-len-huge.npy", with(g, 8, 0xff, 0xff));
    put(b, "npy-no-descr.npy", npyWith(header.replace("'descr'", "'dtype'"), data));
    put(b, "npy-int32.npy", npyWith(header.replace("<f4", "<i4"), data));
    put(b, "npy-empty-descr.npy", npyWith(header.replace("'<f4'", "''"), data));
    put(b, "npy-fortran.npy", npyWith(header.replace("False", "True"), data));
    put(b, "npy-no-order.npy", npyWith(header.replace("'fortran_order'", "'order'"), data));
    put(b, "npy-no-shape.npy", npyWith(header.replace("'shape'", "'dims'"), data));
    put(b, "npy-shape-word.npy", npyWith(header.replaceFirst("\\(\\d+", "(rows"), data));
    put(b, "npy-shape-negative.npy", npyWith(header.replaceFirst("\\((\\d+), (\\d+)\\)", "(-$1, -$2)"), data));
    put(b, "npy-shape-overflow.npy", npyWith(header.replaceFirst("\\((\\d+), (\\d+)\\)", "(65536, 65536, 65536)"), data));
    byte[] nan = g.clone();
    ByteBuffer.wrap(nan).order(ByteOrder.LITTLE_ENDIAN).putFloat(10 + headerLen + 4 * 7, Float.NaN);
    put(b, "npy-nan.npy", nan);
    byte[] inf = g.clone();
    ByteBuffer.wrap(inf).order(ByteOrder.LITTLE_ENDIAN).putFloat(g.length - 4, Float.NEGATIVE_INFINITY);
    put(b, "npy-inf.npy", inf);
    put(b, "npy-f8-overflow.npy", f8(new double[] {1.0, 1e300})); // beyond float32: +inf
  }

  private static byte[] npyWith(String header, byte[] data) {
    String h = header.trim();
    int unpadded = 10 + h.length() + 1;
    String padded = h + " ".repeat((64 - unpadded % 64) % 64) + "\n";
    ByteBuffer bb = ByteBuffer.allocate(10 + padded.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
    bb.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) padded.length());
    bb.put(padded.getBytes(StandardCharsets.ISO_8859_1)).put(data);
    return bb.array();
  }

  private static byte[] f8(double[] v) {
    ByteBuffer d = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (double x : v) d.putDouble(x);
    return npyWith("{'descr': '<f8', 'fortran_order': False, 'shape': (" + v.length + ",), }", d.array());
  }

  private static byte[] st(String header, byte[] data) {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).put(h).put(data).array();
  }

  private static byte[] floats(float... v) {
    ByteBuffer d = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float x : v) d.putFloat(x);
    return d.array();
  }

  private static void safetensors(Path b) throws IOException {
    byte[] two = floats(1, 2);
    String ok = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
    put(b, "st-empty.safetensors", new byte[0]);
    put(b, "st-short.safetensors", new byte[] {1, 2, 3});
    put(b, "st-header-len-huge.safetensors", ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40).array());
    put(b, "st-header-len-negative.safetensors", ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-5).array());
    put(b, "st-not-json.safetensors", st("{not json}", two));
    put(b, "st-array.safetensors", st("[1,2,3]    ", two));
    put(b, "st-no-dtype.safetensors", st(ok.replace("\"dtype\":\"F32\",", ""), two));
    put(b, "st-dtype-u8.safetensors", st(ok.replace("F32", "U8"), two));
    put(b, "st-shape-word.safetensors", st(ok.replace("[2]", "[\"two\"]"), two));
    put(b, "st-shape-negative.safetensors", st(ok.replace("[2]", "[-2]"), two));
    put(b, "st-shape-overflow.safetensors", st(ok.replace("[2]", "[4294967296,4294967296,4294967296]"), two));
    put(b, "st-offsets-outside.safetensors", st(ok.replace("[0,8]", "[0,80]"), two));
    put(b, "st-offsets-backwards.safetensors", st(ok.replace("[0,8]", "[8,0]"), two));
    put(b, "st-size-mismatch.safetensors", st(ok.replace("[2]", "[3]"), two));
    put(b, "st-gap.safetensors", st(ok.replace("[0,8]", "[4,8]"), two));
    put(b, "st-trailing-bytes.safetensors", st(ok, floats(1, 2, 3)));
    put(b, "st-overlap.safetensors", st("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", two));
    put(b, "st-metadata-array.safetensors", st("{\"__metadata__\":[1],\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", two));
    put(b, "st-nan.safetensors", st(ok, floats(1, Float.NaN)));
    put(b, "st-inf.safetensors", st(ok, floats(Float.POSITIVE_INFINITY, 0)));
    put(b, "st-offsets-word.safetensors", st(ok.replace("[0,8]", "[0,\"8\"]"), two));
  }

  private static void configs(Path b, String good) throws IOException {
    String[][] cases = {
        {"cfg-not-json", "{ this is not json"},
        {"cfg-null", "null"},
        {"cfg-array", "[ 1, 2 ]"},
        {"cfg-format-2", good.replaceFirst("\"format\" : 1", "\"format\" : 2")},
        {"cfg-no-classes", good.replaceFirst("\"classes\" : \\[[^\\]]*\\]", "\"classes\" : null")},
        {"cfg-one-class", good.replaceFirst("\"classes\" : \\[[^\\]]*\\]", "\"classes\" : [ \"aa\" ]")},
        {"cfg-std-zero", good.replaceFirst("\"std\" : [-0-9.eE]+", "\"std\" : 0.0")},
        {"cfg-std-negative", good.replaceFirst("\"std\" : [-0-9.eE]+", "\"std\" : -1.0")},
        {"cfg-mean-huge", good.replaceFirst("\"mean\" : [-0-9.eE]+", "\"mean\" : 1e999")},
        {"cfg-no-normalization", good.replaceFirst("\"normalization\" : \\{[^}]*\\}", "\"normalization\" : null")},
        {"cfg-shape-2d", good.replaceFirst("\"input_shape\" : \\[[^\\]]*\\]", "\"input_shape\" : [ 16, 16 ]")},
        {"cfg-shape-channels-2", good.replaceFirst("\"input_shape\" : \\[ *1,", "\"input_shape\" : [ 2,")},
        {"cfg-shape-huge", good.replaceFirst("\"input_shape\" : \\[[^\\]]*\\]", "\"input_shape\" : [ 1, 100000, 100000 ]")},
        {"cfg-model-unknown", good.replaceFirst("\"model\" : \"smallcnn\"", "\"model\" : \"vgg16\"")},
        {"cfg-weights-path", good.replaceFirst("\"weights\" : \"[^\"]*\"", "\"weights\" : \"../../etc/passwd\"")},
        {"cfg-dataset-no-spec", good.replaceFirst("\"spec\" : \\{", "\"spec\" : null, \"was_spec\" : {")},
        {"cfg-dataset-height-0", good.replaceFirst("\"height\" : 16", "\"height\" : 0")},
    };
    for (String[] c : cases) {
      Path dir = Files.createDirectories(b.resolve(c[0]));
      put(dir, "config.json", c[1]);
    }
    Files.createDirectories(b.resolve("cfg-missing"));
  }

  /** {@code row} (a manifest line without quotes) with field {@code i} replaced. */
  private static String field(String row, int i, String value) {
    String[] f = row.split(",", -1);
    f[i] = value;
    return String.join(",", f);
  }

  private static void datasets(Path b, String json, String manifest) throws IOException {
    String[] lines = manifest.split("\n");
    String header = lines[0];
    String row = lines[1];
    String[][] cases = {
        {"ds-not-json", "{ not json", manifest},
        {"ds-null", "null", manifest},
        {"ds-format-9", json.replaceFirst("\"format\" : 1", "\"format\" : 9"), manifest},
        {"ds-no-classes", json.replaceFirst("\"classes\" : \\[[^\\]]*\\]", "\"classes\" : [ ]"), manifest},
        {"ds-duplicate-class", json.replaceFirst("\"classes\" : \\[", "\"classes\" : [ \"iy\", \"iy\","), manifest},
        {"ds-no-spec", json.replaceFirst("\"spec\" : \\{", "\"spec\" : null, \"was\" : {"), manifest},
        {"ds-fmax-above-nyquist", json.replaceFirst("\"fmax\" : [^,]+,", "\"fmax\" : 30000.0,"), manifest},
        {"ds-hop-0", json.replaceFirst("\"hop\" : \\d+", "\"hop\" : 0"), manifest},
        {"ds-height-0", json.replaceFirst("\"height\" : 16", "\"height\" : 0"), manifest},
        {"ds-width-huge", json.replaceFirst("\"width\" : 16", "\"width\" : 100000"), manifest},
        {"ds-scale-unknown", json.replaceFirst("\"frequencyScale\" : \"[a-z]+\"", "\"frequencyScale\" : \"bark\""), manifest},
        {"ds-manifest-header", json, "id,file\n" + row + "\n"},
        {"ds-manifest-fields", json, header + "\n" + row + ",extra\n"},
        {"ds-manifest-number", json, header + "\n" + field(row, 2, "zero") + "\n"},
        {"ds-manifest-label", json, header + "\n" + field(row, 4, "xx") + "\n"},
        {"ds-manifest-split", json, header + "\n" + field(row, 6, "validation") + "\n"},
        {"ds-manifest-path", json, header + "\n" + field(row, 8, "../../x.npy") + "\n"},
        {"ds-manifest-time-nan", json, header + "\n" + field(row, 10, "NaN") + "\n"},
        {"ds-manifest-fold", json, header + "\n" + field(row, 7, "first") + "\n"},
        {"ds-manifest-duplicate", json, header + "\n" + row + "\n" + row + "\n"},
    };
    for (String[] c : cases) {
      Path dir = Files.createDirectories(b.resolve(c[0]));
      put(dir, "dataset.json", c[1]);
      put(dir, "manifest.csv", c[2]);
    }
    Files.createDirectories(b.resolve("ds-missing"));
  }
}
