package org.spectrolens.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.spectrolens.SpectrolensException;

/**
 * Writes a float32 {@code .npy} array [n, ...] one slice at a time, so a stack of n maps never has
 * to be in memory at once. The file is meant to be written inside a folder that is published whole
 * (a {@code .partial} folder): it is complete only after {@link #close} with n slices written.
 */
public final class NpyStackWriter implements AutoCloseable {
  private final Path file;
  private final int n;
  private final int sliceSize;
  private final OutputStream out;
  private int written;

  /** A stack of {@code n} slices of shape {@code slice}. */
  public NpyStackWriter(Path file, int n, int... slice) {
    this.file = file;
    this.n = n;
    int[] shape = new int[slice.length + 1];
    shape[0] = n;
    System.arraycopy(slice, 0, shape, 1, slice.length);
    this.sliceSize = Arrays.stream(slice).reduce(1, (a, b) -> a * b);
    OutputFolder.recordWrite(file);
    try {
      out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      out.write(Npy.header(shape));
    } catch (IOException e) {
      throw new SpectrolensException(file.toString(), "cannot write: " + e.getMessage(), e);
    }
  }

  /** Appends one slice (its flat C-order values). */
  public void write(float[] slice) {
    if (slice.length != sliceSize) throw new IllegalArgumentException("slice of " + slice.length + " values, expected " + sliceSize);
    if (written == n) throw new IllegalStateException(file + ": all " + n + " slices are written");
    ByteBuffer b = ByteBuffer.allocate(4 * slice.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(slice);
    try {
      out.write(b.array());
    } catch (IOException e) {
      throw new SpectrolensException(file.toString(), "cannot write: " + e.getMessage(), e);
    }
    written++;
  }

  /** Slices written so far. */
  public int written() {
    return written;
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new SpectrolensException(file.toString(), "cannot write: " + e.getMessage(), e);
    }
    if (written != n) throw new IllegalStateException(file + ": " + written + " of " + n + " slices written");
  }
}
