package org.spectrolens.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spectrolens.SpectrolensException;

/**
 * The folders the explorer serves, as real paths (links resolved), and the one check every file
 * read goes through: a path is readable only when its real path lies under one of them. Files are
 * never named by a request: the API names runs and items by id, and their files come from the
 * runs' own records, so this check is the second line, against records that point elsewhere.
 */
public final class ServedFolders {
  private final List<Path> roots;

  /** @throws SpectrolensException for a folder that does not exist */
  public ServedFolders(List<Path> folders) {
    List<Path> out = new ArrayList<>();
    for (Path f : folders) {
      if (!Files.isDirectory(f)) throw new SpectrolensException(f.toString(), "no such folder");
      try {
        out.add(f.toRealPath());
      } catch (IOException e) {
        throw new SpectrolensException(f.toString(), "cannot read: " + e.getMessage(), e);
      }
    }
    if (out.isEmpty()) throw new SpectrolensException("folders", "no folder to serve");
    roots = List.copyOf(out);
  }

  public List<Path> roots() {
    return roots;
  }

  /** The real path of {@code file} when it exists under a served folder, else null. */
  public Path inside(Path file) {
    if (file == null) return null;
    try {
      Path real = file.toRealPath();
      for (Path r : roots) if (real.startsWith(r)) return real;
      return null;
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  /** A name for {@code dir} a reader knows it by: its path from the parent of the served folder that holds it. */
  public String name(Path dir) {
    for (Path r : roots) {
      if (dir.startsWith(r)) {
        Path base = r.getParent() == null ? r : r.getParent();
        return base.relativize(dir).toString().replace('\\', '/');
      }
    }
    return dir.getFileName().toString();
  }
}
