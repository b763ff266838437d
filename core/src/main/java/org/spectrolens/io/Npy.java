package org.spectrolens.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spectrolens.SpectrolensException;

/**
 * NumPy {@code .npy} files (format version 1.0): float32, little-endian, C order, as NumPy writes
 * them, so that {@code numpy.load} reads what spectrolens writes and the other way round.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /** An n-dimensional float32 array in C order. */
  public record Array(int[] shape, float[] data) {
    public Array {
      long n = 1;
      for (int d : shape) n *= d;
      if (n != data.length) {
        throw new IllegalArgumentException(
            "shape " + Arrays.toString(shape) + " needs " + n + " values, got " + data.length);
      }
    }

    /** A [rows][cols] array as a flat C-order array. */
    public static Array of(float[][] matrix) {
      int rows = matrix.length;
      int cols = rows == 0 ? 0 : matrix[0].length;
      float[] flat = new float[rows * cols];
      for (int r = 0; r < rows; r++) System.arraycopy(matrix[r], 0, flat, r * cols, cols);
      return new Array(new int[] {rows, cols}, flat);
    }

    /** This 2-D array as [rows][cols]. */
    public float[][] toMatrix() {
      if (shape.length != 2) throw new IllegalStateException("not 2-D: " + Arrays.toString(shape));
      float[][] m = new float[shape[0]][shape[1]];
      for (int r = 0; r < shape[0]; r++) System.arraycopy(data, r * shape[1], m[r], 0, shape[1]);
      return m;
    }
  }

  public static void write(Path file, float[][] matrix) {
    write(file, Array.of(matrix));
  }

  public static void write(Path file, Array array) {
    AtomicFiles.writeBytes(file, encode(array));
  }

  public static byte[] encode(Array array) {
    byte[] header = header(array.shape());
    ByteBuffer buf = ByteBuffer.allocate(header.length + 4 * array.data().length).order(ByteOrder.LITTLE_ENDIAN);
    buf.put(header);
    buf.asFloatBuffer().put(array.data());
    return buf.array();
  }

  /**
   * The magic, version and header of a float32 C-order array of this shape, padded to 64 bytes:
   * what precedes the little-endian values (a writer that streams the values writes this first).
   */
  public static byte[] header(int[] shape) {
    StringBuilder dims = new StringBuilder();
    for (int d : shape) dims.append(d).append(", ");
    String dimText = shape.length == 1 ? shape[0] + "," : dims.substring(0, Math.max(0, dims.length() - 2));
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dimText + "), }";
    int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
    int pad = (64 - unpadded % 64) % 64;
    String header = dict + " ".repeat(pad) + "\n";
    ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + header.length()).order(ByteOrder.LITTLE_ENDIAN);
    buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
    buf.put(header.getBytes(StandardCharsets.US_ASCII));
    return buf.array();
  }

  public static Array read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new SpectrolensException(file.toString(), "no such file");
    } catch (IOException e) {
      throw new SpectrolensException(file.toString(), "cannot read: " + IoErrors.reason(e), e);
    }
    return decode(file.toString(), bytes);
  }

  /** Parses a .npy image; {@code name} names it in errors. Accepts float32 and float64. */
  public static Array decode(String name, byte[] bytes) {
    if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
      throw new SpectrolensException(name, "not a NumPy .npy file (bad magic)");
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int major = bytes[6];
    int headerLen;
    int offset;
    if (major == 1) {
      headerLen = Short.toUnsignedInt(buf.getShort(8));
      offset = 10;
    } else if (major == 2 || major == 3) {
      if (bytes.length < 12) throw new SpectrolensException(name, "truncated .npy header");
      headerLen = buf.getInt(8);
      offset = 12;
    } else {
      throw new SpectrolensException(name, "unsupported .npy version " + major);
    }
    if (headerLen < 0 || offset + headerLen > bytes.length) {
      throw new SpectrolensException(name, "truncated .npy header");
    }
    String header = new String(bytes, offset, headerLen, StandardCharsets.ISO_8859_1);
    String descr = group(name, DESCR, header, "descr");
    if ("True".equals(group(name, ORDER, header, "fortran_order"))) {
      throw new SpectrolensException(name, "Fortran-order arrays are not supported; save with C order");
    }
    int[] shape = parseShape(name, group(name, SHAPE, header, "shape"));
    long count = 1;
    for (int d : shape) {
      count *= d;
      if (d < 0 || count > Integer.MAX_VALUE) {
        throw new SpectrolensException(name, "impossible .npy shape " + Arrays.toString(shape));
      }
    }
    int width;
    boolean little = descr.startsWith("<") || descr.startsWith("|");
    switch (descr.substring(1)) {
      case "f4" -> width = 4;
      case "f8" -> width = 8;
      default -> throw new SpectrolensException(name, "unsupported dtype '" + descr + "'; expected float32 ('<f4')");
    }
    int start = offset + headerLen;
    if ((bytes.length - start) != count * width) {
      throw new SpectrolensException(name, "data size " + (bytes.length - start) + " bytes does not match shape "
          + Arrays.toString(shape) + " of " + descr + " (" + count * width + " bytes)");
    }
    ByteBuffer data = ByteBuffer.wrap(bytes, start, bytes.length - start)
        .order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    float[] values = new float[(int) count];
    for (int i = 0; i < values.length; i++) {
      values[i] = width == 4 ? data.getFloat() : (float) data.getDouble();
    }
    Finite.check(name, "value", shape, values);
    return new Array(shape, values);
  }

  private static String group(String name, Pattern p, String header, String key) {
    Matcher m = p.matcher(header);
    if (!m.find()) throw new SpectrolensException(name, "malformed .npy header: no '" + key + "'");
    return m.group(1);
  }

  private static int[] parseShape(String name, String text) {
    List<Integer> dims = new ArrayList<>();
    for (String part : text.split(",")) {
      String t = part.trim();
      if (t.isEmpty()) continue;
      try {
        dims.add(Integer.parseInt(t.replace("L", "")));
      } catch (NumberFormatException e) {
        throw new SpectrolensException(name, "malformed .npy shape '(" + text + ")'");
      }
    }
    return dims.stream().mapToInt(Integer::intValue).toArray();
  }
}
