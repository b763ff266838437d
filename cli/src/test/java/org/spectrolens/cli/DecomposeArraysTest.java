package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code decompose} on a bare {@code .npy} (no axes beside it): rows are indices, not Hz, whatever
 * the array holds (all zeros, a constant) and however it is stored (float64, big-endian); it once
 * failed on all of them with an internal "rows are cepstral coefficients" error.
 */
class DecomposeArraysTest {
  @TempDir Path dir;

  private static final int H = 12;
  private static final int W = 10;

  @Test
  void bareArraysOfAnyValuesAndStorageDecomposeOnIndexRows() throws Exception {
    double[] random = new double[H * W];
    java.util.Random r = new java.util.Random(5);
    for (int i = 0; i < random.length; i++) random[i] = r.nextInt(1000) / 64.0; // exact in float32 and float64
    npy("f4.npy", "<f4", random);
    npy("f8.npy", "<f8", random);
    npy("be.npy", ">f4", random);
    npy("zero.npy", "<f4", new double[H * W]);
    double[] three = new double[H * W];
    java.util.Arrays.fill(three, 3);
    npy("const.npy", "<f4", three);
    for (String name : List.of("f4", "f8", "be", "zero", "const")) {
      CliRun c = CliRun.of("decompose", dir.resolve(name + ".npy").toString(), "--components", "2", "--out", dir.resolve("d-" + name).toString());
      assertEquals(0, c.exit(), name + ": " + c.err());
      List<String> t = Files.readAllLines(dir.resolve("d-" + name).resolve("templates.csv"));
      assertEquals("row,c1,c2", t.get(0), name);
      assertEquals(H + 1, t.size(), name);
      for (int i = 0; i < H; i++) assertEquals("" + i, t.get(i + 1).split(",")[0], name);
      assertFalse(String.join("\n", t).contains("NaN"), name);
    }
    // the same values, however stored, give the same decomposition
    String f4 = Files.readString(dir.resolve("d-f4/templates.csv"));
    assertEquals(f4, Files.readString(dir.resolve("d-f8/templates.csv")));
    assertEquals(f4, Files.readString(dir.resolve("d-be/templates.csv")));
  }

  /** A 2-D .npy of {@code descr} (NumPy format 1.0), written byte by byte. */
  private void npy(String name, String descr, double[] values) throws Exception {
    String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + H + ", " + W + "), }";
    int pad = 64 - (10 + header.length() + 1) % 64;
    header = header + " ".repeat(pad % 64) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    out.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) header.length()).array());
    out.write(header.getBytes(StandardCharsets.US_ASCII));
    boolean wide = descr.endsWith("8");
    ByteBuffer b = ByteBuffer.allocate(values.length * (wide ? 8 : 4)).order(descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      if (wide) b.putDouble(v);
      else b.putFloat((float) v);
    }
    out.write(b.array());
    Files.write(dir.resolve(name), out.toByteArray());
  }
}
