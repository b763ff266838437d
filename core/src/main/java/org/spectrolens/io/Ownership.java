package org.spectrolens.io;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.spectrolens.SpectrolensException;

/**
 * What an output folder's marker says spectrolens wrote, and deleting exactly that. The one place
 * that decides whether a file under an output folder is ours: {@link OutputFolder} never deletes
 * a file this class does not call listed.
 *
 * <p>Paths are relative to the folder, with {@code /} between names. An entry names a file, or a
 * folder and everything under it (partial markers record the top-level names a run is writing;
 * complete markers list every file). A staging folder also keeps a journal ({@link #JOURNAL}) of
 * every nested file, each recorded before its first byte: where one exists, a folder entry no
 * longer covers what lies under it, so a user's file put inside a killed run's leftover
 * ({@code out.partial/items/notes.txt}) is not taken for ours.
 */
final class Ownership {
  /** The staging folder's list of nested files written, one relative path a line; gone once the marker is complete. */
  static final String JOURNAL = ".spectrolens.files";

  /** {@link AtomicFiles}' temporary name for {@code x}: {@code .x.<digits>.tmp} beside it. */
  private static final Pattern TEMP = Pattern.compile("\\.(.+)\\.\\d+\\.tmp");

  private Ownership() {}

  /** Every file (and link) under {@code dir}, relative and sorted; folders are not listed. */
  static List<String> files(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return new ArrayList<>(s.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> relative(dir, p)).sorted().toList());
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new SpectrolensException(dir.toString(), "cannot list: " + e.getMessage(), e);
    }
  }

  /**
   * Whether {@code rel} is the marker, an entry, lies under a folder entry, or is the temporary
   * file of an {@link AtomicFiles} write of such a file (a kill between the write and the rename).
   */
  static boolean listed(String rel, Set<String> entries) {
    return listed(rel, entries, false);
  }

  /** {@link #listed(String, Set)}; {@code exact}: a folder entry covers nothing under it (a journal lists those). */
  private static boolean listed(String rel, Set<String> entries, boolean exact) {
    if (rel.equals(OutputFolder.MARKER) || rel.equals(JOURNAL)) return true;
    for (int i = rel.indexOf('/'); i >= 0 && !exact; i = rel.indexOf('/', i + 1)) {
      if (entries.contains(rel.substring(0, i))) return true; // under a folder entry
    }
    if (entries.contains(rel)) return true;
    int slash = rel.lastIndexOf('/');
    Matcher m = TEMP.matcher(rel.substring(slash + 1));
    return m.matches() && listed(rel.substring(0, slash + 1) + m.group(1), entries, exact);
  }

  /** What {@code dir}'s marker ({@code entries}) and journal, if any, call ours. */
  static java.util.function.Predicate<String> owned(Path dir, Collection<String> entries) {
    Set<String> set = new HashSet<>(entries);
    Path journal = dir.resolve(JOURNAL);
    boolean exact = Files.isRegularFile(journal, LinkOption.NOFOLLOW_LINKS);
    if (exact) {
      try {
        set.addAll(Files.readAllLines(journal, java.nio.charset.StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new SpectrolensException(journal.toString(), "cannot read: " + e.getMessage(), e);
      }
    }
    return rel -> listed(rel, set, exact);
  }

  /** The first file under {@code dir} that {@code entries} (with its journal) do not list. */
  static Optional<String> firstUnlisted(Path dir, Collection<String> entries) {
    java.util.function.Predicate<String> ours = owned(dir, entries);
    return files(dir).stream().filter(f -> !ours.test(f)).findFirst();
  }

  /**
   * Deletes the listed files under {@code dir}, then the folders left empty; anything unlisted
   * stays where it is (and so does every folder holding it).
   */
  static void deleteListed(Path dir, Collection<String> entries) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
    java.util.function.Predicate<String> ours = owned(dir, entries);
    List<Path> all;
    try (Stream<Path> s = Files.walk(dir)) {
      all = s.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : all) {
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Files.delete(p);
        } catch (DirectoryNotEmptyException kept) {
          // holds something unlisted: it stays, and so does this folder
        }
      } else if (ours.test(relative(dir, p))) {
        Files.delete(p);
      }
    }
  }

  private static String relative(Path dir, Path p) {
    return dir.relativize(p).toString().replace(java.io.File.separatorChar, '/');
  }
}
