package org.spectrolens.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Whole-directory outputs (dataset caches, the synthetic corpus) that never look complete while
 * being written: they are made in a {@link #partialOf partial} sibling and {@link #replace moved}
 * into place at the end, replacing an older output of the same name only at that moment.
 */
public final class Directories {
  private Directories() {}

  /** The sibling {@code <out>.partial} that a directory output is written into. */
  public static Path partialOf(Path out) {
    Path abs = out.toAbsolutePath().normalize();
    return abs.resolveSibling(abs.getFileName() + ".partial");
  }

  /**
   * Moves the finished {@code partial} to {@code out}. An existing {@code out} is first renamed to
   * {@code <out>.old} and deleted only after the move, so there is never a moment with a
   * half-deleted output under the final name.
   */
  public static void replace(Path partial, Path out) throws IOException {
    Path abs = out.toAbsolutePath().normalize();
    Path old = abs.resolveSibling(abs.getFileName() + ".old");
    deleteTree(old);
    if (Files.exists(abs)) Files.move(abs, old);
    Files.move(partial, abs);
    deleteTree(old);
  }

  /** Deletes {@code dir} and everything under it (nothing when it does not exist; links are not followed). */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** {@link #deleteTree} for clean-up after a failure: the failure is the one worth reporting. */
  public static void deleteTreeQuietly(Path dir) {
    try {
      deleteTree(dir);
    } catch (IOException ignored) {
      // keep the original failure
    }
  }
}
