package org.spectrolens.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Deleting folder trees. Only {@link OutputFolder} decides what may be deleted; this is its tool.
 */
public final class Directories {
  private Directories() {}

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
