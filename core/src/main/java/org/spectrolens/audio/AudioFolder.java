package org.spectrolens.audio;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.IoErrors;

/**
 * The audio files under a folder (recursive, sorted by path), decoded one at a time: iterating
 * holds one clip, never the corpus. A file that fails to decode yields an item with its error and
 * is remembered in {@link #failures()}, so a run over a corpus writes the other files and counts
 * the bad ones instead of stopping at the first.
 */
public final class AudioFolder implements Iterable<AudioFolder.Item> {
  private static final Set<String> EXTENSIONS = Set.of("wav", "wave", "rf64", "flac", "mp3");

  /** One file: its clip, or the error that stopped it (exactly one is non-null). */
  public record Item(Path file, Clip clip, SpectrolensException error) {
    public boolean ok() {
      return error == null;
    }
  }

  private final Path root;
  private final List<Path> files;
  private final List<SpectrolensException> failures = Collections.synchronizedList(new ArrayList<>());

  public AudioFolder(Path root) {
    this.root = root;
    this.files = list(root);
  }

  /**
   * Audio files under {@code root}, sorted: those named .wav/.wave/.rf64/.flac/.mp3 (any case),
   * and files with other names whose first bytes are a WAV or FLAC header. Hidden files (a
   * leading dot, as in temporary files) are skipped.
   */
  public static List<Path> list(Path root) {
    if (!Files.isDirectory(root)) throw new SpectrolensException(root.toString(), "not a folder");
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(AudioFolder::isAudio)
          .sorted()
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new SpectrolensException(root.toString(), "cannot list folder: " + (e instanceof IOException io ? IoErrors.reason(io) : e.getMessage()), e);
    }
  }

  private static boolean isAudio(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    if (dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) return true;
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
      AudioContainer c = AudioContainer.of(AudioContainer.head(ch, 0, 12));
      return c == AudioContainer.WAV || c == AudioContainer.RF64 || c == AudioContainer.FLAC;
    } catch (IOException e) {
      return false;
    }
  }

  public Path root() {
    return root;
  }

  public List<Path> files() {
    return files;
  }

  /** The errors of the files iterated so far, in order. */
  public List<SpectrolensException> failures() {
    return List.copyOf(failures);
  }

  @Override
  public Iterator<Item> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < files.size();
      }

      @Override
      public Item next() {
        if (!hasNext()) throw new NoSuchElementException();
        Path f = files.get(next++);
        try {
          return new Item(f, AudioFile.read(f), null);
        } catch (SpectrolensException e) {
          failures.add(e);
          return new Item(f, null, e);
        }
      }
    };
  }

  /** A sequential stream of the items, decoded as consumed. */
  public Stream<Item> stream() {
    return java.util.stream.StreamSupport.stream(spliterator(), false);
  }
}
