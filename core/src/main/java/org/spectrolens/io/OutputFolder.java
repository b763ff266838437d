package org.spectrolens.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.spectrolens.SpectrolensException;

/**
 * A folder output that cannot be corrupted: one writer at a time, nothing deleted that spectrolens
 * did not make, and (staged) an old output that stays whole until the new one is complete.
 *
 * <pre>{@code
 * try (OutputFolder out = OutputFolder.create(Path.of("DS"), "dataset", force, corpusDir)) {
 *   Npy.write(out.dir().resolve("items/a.npy"), grid);  // out.dir() is DS.partial
 *   out.commit();                                     // DS is replaced by the finished folder only now
 * }                                                   // not committed: DS untouched, DS.partial removed
 * }</pre>
 *
 * <p>The rules, checked by {@link #create} before any work:
 * <ul>
 *   <li><b>Lock.</b> {@link OutputLock}: a second run into the same folder fails at once, naming the
 *       pid of the first; the lock of a dead process is taken over.
 *   <li><b>Marker.</b> Every folder spectrolens writes holds {@value #MARKER}: the command that made
 *       it, the name it was written as, whether it is complete, and what it wrote (while partial:
 *       the top-level names, each recorded before its first byte is written, see
 *       {@link #recordWrite}; once complete: every file). An existing output is replaced only when
 *       it is empty or its marker names the same command (another command's with {@code force})
 *       and every file in it, at any depth, is listed there. A non-empty folder without a marker is
 *       never deleted, {@code force} or not. Nothing a marker does not list is ever deleted.
 *   <li><b>Leftovers.</b> {@code <out>.partial} and {@code <out>.old} are removed only when they
 *       carry the marker of a folder written as {@code <out>} and hold nothing it does not list (a
 *       deliberate output named {@code seg.old} is not a leftover); anything else under those names
 *       is refused. An {@code <out>.old} left by a run killed between its two renames is moved back
 *       when {@code <out>} is missing. A folder holding nothing but a half-written marker (a kill
 *       between creating the folder and marking it) counts as empty.
 *   <li><b>Inputs.</b> An output that is, contains or lies inside one of the run's inputs is refused
 *       unless {@code force}.
 * </ul>
 * Every refusal is one {@link SpectrolensException} naming the folder.
 *
 * <p>{@link #inPlace} is for outputs that must survive a kill half-way to be continued (training
 * checkpoints): the same lock, marker and checks, but the files are written straight into the
 * folder and {@link #commit} only marks it complete.
 *
 * <p>Over 300 lines on purpose: the lock, the marker and every refusal of a folder are one
 * protocol; split, a writer could take one step of it without the others.
 */
public final class OutputFolder implements AutoCloseable {
  /** The marker file inside every output folder. */
  public static final String MARKER = ".spectrolens.json";

  /**
   * The marker's content.
   *
   * @param command the spectrolens command that wrote the folder (e.g. {@code dataset})
   * @param state {@code partial} while being written, {@code complete} after {@link #commit}
   * @param entries what the command wrote, relative to the folder with {@code /} between names:
   *     while partial the top-level names (a folder entry covers everything under it), once
   *     complete every file
   * @param pid the writing process
   * @param time when the state was last written (ISO-8601 UTC)
   * @param name the folder name the output was written as (absent in markers of older versions)
   */
  public record Marker(String command, String state, List<String> entries, long pid, @JsonProperty("time") String time, String name) {
    static Marker of(String command, String state, List<String> entries, String name) {
      return new Marker(command, state, List.copyOf(entries), ProcessHandle.current().pid(), Instant.now().toString(), name);
    }
  }

  /** The folders being written by this process, for {@link #recordWrite}. */
  private static final Set<OutputFolder> OPEN = ConcurrentHashMap.newKeySet();

  private final Path out;
  private final Path dir;
  private final String command;
  private final boolean staged;
  private final OutputLock lock;
  /** What the marker lists while partial (guarded by this). */
  private final Set<String> recorded = new TreeSet<>();
  /** The nested files this run recorded in the journal (staged only; guarded by this). */
  private final Set<String> journaled = new java.util.HashSet<>();
  /** Whether this run has written its partial marker (in place, not before its first write). */
  private boolean marked;
  private boolean committed;

  private OutputFolder(Path out, Path dir, String command, boolean staged, OutputLock lock, List<String> earlier) {
    this.out = out;
    this.dir = dir;
    this.command = command;
    this.staged = staged;
    this.lock = lock;
    recorded.addAll(earlier);
    marked = earlier.isEmpty();
  }

  /**
   * Records that {@code file} is about to be written: if it lies inside a folder this process is
   * writing, its top-level name goes into that folder's marker first, so that a run killed at any
   * moment leaves nothing its marker does not list. Every writer calls this before it creates a
   * file ({@link AtomicFiles} does it for all its writes).
   */
  public static void recordWrite(Path file) {
    if (OPEN.isEmpty()) return;
    Path abs = file.toAbsolutePath().normalize();
    for (OutputFolder f : OPEN) {
      if (abs.startsWith(f.dir) && !abs.equals(f.dir)) {
        Path rel = f.dir.relativize(abs);
        f.record(rel.getName(0).toString());
        if (f.staged && rel.getNameCount() > 1) f.journal(rel.toString().replace(java.io.File.separatorChar, '/'));
      }
    }
  }

  /** Appends a nested file to the journal ({@link Ownership#JOURNAL}) before its first byte: cheap, one line a file. */
  private synchronized void journal(String rel) {
    if (committed || !journaled.add(rel)) return;
    Path journal = dir.resolve(Ownership.JOURNAL);
    try {
      Files.writeString(journal, rel + "\n", java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new SpectrolensException(journal.toString(), "cannot write: " + IoErrors.reason(e), e);
    }
  }

  private synchronized void record(String top) {
    if (top.equals(MARKER) || committed || (!recorded.add(top) && marked)) return;
    marked = true; // an in-place folder says partial from this run's first write on
    Json.write(dir.resolve(MARKER), Marker.of(command, "partial", new ArrayList<>(recorded), out.getFileName().toString()));
  }

  /**
   * Locks {@code out}, checks it may be replaced and opens the empty staging folder {@code <out>.partial}.
   *
   * @param out the output folder (relative to the working directory or absolute)
   * @param command the command writing it, recorded in the marker
   * @param force also replace a folder another command made, and write where an input lies
   * @param inputs files and folders the run reads (may be empty)
   */
  public static OutputFolder create(Path out, String command, boolean force, Path... inputs) {
    return open(out, command, force, true, inputs);
  }

  /**
   * Locks {@code out} and checks it as {@link #create} does, but the run writes straight into it
   * ({@link #dir()} is {@code out}), keeping what an earlier, unfinished run of the same command
   * left there (e.g. a checkpoint); the marker says {@code partial} until {@link #commit}.
   */
  public static OutputFolder inPlace(Path out, String command, boolean force, Path... inputs) {
    return open(out, command, force, false, inputs);
  }

  private static OutputFolder open(Path out, String command, boolean force, boolean staged, Path... inputs) {
    Path abs = out.toAbsolutePath().normalize();
    checkNotInput(abs, force, inputs);
    OutputLock lock = OutputLock.acquire(abs);
    try {
      String name = abs.getFileName().toString();
      Path old = sibling(abs, ".old");
      if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(old)
          && markerOf(old).filter(m -> m.name() == null || m.name().equals(name)).isPresent()) {
        Files.move(old, abs); // a run killed between its two renames: the old output comes back
      }
      checkReplaceable(abs, command, force && staged); // in place, another command's files would mix with ours
      Path dir = abs;
      List<String> earlier = null;
      if (staged) {
        dir = sibling(abs, ".partial");
        deleteOwnLeftover(dir, name);
        deleteOwnLeftover(old, name);
      } else {
        // in place, the marker is rewritten only when this run writes: a run refused later leaves it as it was
        earlier = markerOf(abs).map(Marker::entries).orElse(null);
      }
      Files.createDirectories(dir);
      if (earlier == null) {
        // a kill before this write leaves a folder holding at most a temporary marker, which counts as empty
        Json.write(dir.resolve(MARKER), Marker.of(command, "partial", List.of(), name));
        earlier = List.of();
      }
      OutputFolder f = new OutputFolder(abs, dir, command, staged, lock, earlier);
      OPEN.add(f);
      return f;
    } catch (IOException e) {
      lock.close();
      throw new SpectrolensException(abs.toString(), "cannot prepare the output folder: " + OutputLock.reason(e), e);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** Where to write: {@code <out>.partial} (staged) or the output itself (in place). */
  public Path dir() {
    return dir;
  }

  /** The final output folder (absolute). */
  public Path target() {
    return out;
  }

  /**
   * Records the entries written in the marker and (staged) moves the folder into place: an older
   * output is renamed to {@code <out>.old}, the new one to {@code <out>}, and the old one deleted.
   */
  public synchronized void commit() {
    if (committed) throw new IllegalStateException("already committed: " + out);
    // staged: the folder was made empty by this run under its lock, so all of it is ours; in place,
    // only what the marker listed before and what this run recorded (a user's file is never adopted)
    try {
      Files.deleteIfExists(dir.resolve(Ownership.JOURNAL)); // the complete marker lists every file
    } catch (IOException e) {
      throw new SpectrolensException(dir.resolve(Ownership.JOURNAL).toString(), "cannot delete: " + IoErrors.reason(e), e);
    }
    List<String> entries = new ArrayList<>(Ownership.files(dir).stream().filter(f -> staged || Ownership.listed(f, recorded)).toList());
    entries.remove(MARKER);
    Json.write(dir.resolve(MARKER), Marker.of(command, "complete", entries, out.getFileName().toString()));
    if (staged) {
      Path old = sibling(out, ".old");
      try {
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
          checkReplaceable(out, command, true); // nothing foreign slipped in while we worked
          Files.move(out, old);
        }
        AtomicFiles.moveIntoPlace(dir, out);
      } catch (IOException e) {
        if (!Files.exists(out) && Files.isDirectory(old)) moveQuietly(old, out);
        throw new SpectrolensException(out.toString(), "cannot move the finished output into place: " + OutputLock.reason(e), e);
      }
      deleteOwnLeftover(old, out.getFileName().toString());
    }
    committed = true;
    OPEN.remove(this);
  }

  /** Removes an uncommitted staging folder and releases the lock; an older output stays as it was. */
  @Override
  public void close() {
    OPEN.remove(this);
    try {
      if (!committed && staged) Directories.deleteTreeQuietly(dir); // made empty by this run, under its lock
    } finally {
      lock.close();
    }
  }

  /** The marker of {@code dir}, if it has a readable one. */
  public static Optional<Marker> markerOf(Path dir) {
    Path m = dir.resolve(MARKER);
    if (!Files.isRegularFile(m)) return Optional.empty();
    try {
      Marker marker = Json.MAPPER.readValue(m.toFile(), Marker.class);
      return marker.command() == null ? Optional.empty() : Optional.of(marker);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Deletes {@code dir}, which {@code command} made, when it holds nothing else (e.g. the demo
   * discarding its own earlier model); refuses as {@link #create} would. Missing: nothing to do.
   */
  public static void delete(Path dir, String command) {
    Path abs = dir.toAbsolutePath().normalize();
    if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) return;
    try (OutputLock l = OutputLock.acquire(abs)) {
      checkReplaceable(abs, command, false);
      Ownership.deleteListed(abs, markerOf(abs).map(Marker::entries).orElse(List.of()));
    } catch (IOException e) {
      throw new SpectrolensException(abs.toString(), "cannot delete: " + OutputLock.reason(e), e);
    }
  }

  /** Refuses an existing {@code out} that is not ours to replace (see the class comment). */
  static void checkReplaceable(Path out, String command, boolean force) {
    if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) return;
    if (Files.isSymbolicLink(out) || !Files.isDirectory(out)) {
      throw new SpectrolensException(out.toString(), "exists and is not a folder; refusing to replace it (choose another `out`)");
    }
    Optional<Marker> marker = markerOf(out);
    if (marker.isEmpty() && Ownership.firstUnlisted(out, List.of()).isEmpty()) return; // empty, or a half-written marker
    if (marker.isEmpty()) {
      throw new SpectrolensException(out.toString(), "exists, is not empty and was not written by spectrolens (no "
          + MARKER + "); refusing to replace it (choose another `out`, or move it away)");
    }
    Marker m = marker.get();
    if (!m.command().equals(command) && !force) {
      throw new SpectrolensException(out.toString(), "holds the output of 'spectrolens " + m.command()
          + "'; refusing to replace it with that of '" + command + "' (choose another `out`, or `force`)");
    }
    Optional<String> foreign = Ownership.firstUnlisted(out, m.entries());
    if (foreign.isPresent()) {
      throw new SpectrolensException(out.toString(), "holds '" + foreign.get() + "', which 'spectrolens " + m.command()
          + "' did not write; refusing to replace it (move it away, or choose another `out`)");
    }
  }

  /** Refuses an output that is, contains or lies inside an input (unless forced). */
  static void checkNotInput(Path out, boolean force, Path... inputs) {
    if (force) return;
    for (Path in : inputs) {
      if (in == null) continue;
      Path i = in.toAbsolutePath().normalize();
      if (out.equals(i) || i.startsWith(out) || (Files.isDirectory(i) && out.startsWith(i))) {
        throw new SpectrolensException(out.toString(), (out.equals(i) ? "is" : i.startsWith(out) ? "contains" : "lies inside")
            + " an input of this run (" + in + "); refusing to write there (choose another `out`, or `force`)");
      }
    }
  }

  /**
   * Removes {@code <out>.partial} or {@code <out>.old} if spectrolens made it while writing the
   * output named {@code name} (or it is empty) and it holds nothing its marker does not list;
   * refuses anything else.
   */
  private static void deleteOwnLeftover(Path p, String name) {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
    boolean folder = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
    Optional<Marker> marker = folder ? markerOf(p) : Optional.empty();
    List<String> entries = marker.map(Marker::entries).orElse(List.of());
    if (!folder || (marker.isEmpty() && Ownership.firstUnlisted(p, entries).isPresent())) {
      throw new SpectrolensException(p.toString(), "exists and was not written by spectrolens; refusing to delete it (move it away)");
    }
    Marker m = marker.orElse(null);
    if (m != null && m.name() != null && !m.name().equals(name)) {
      throw new SpectrolensException(p.toString(), "is the output of 'spectrolens " + m.command() + "' written as '" + m.name()
          + "', not a leftover of '" + name + "'; refusing to delete it (move it away, or choose another `out`)");
    }
    Optional<String> foreign = Ownership.firstUnlisted(p, entries);
    if (foreign.isPresent()) {
      throw new SpectrolensException(p.toString(), "holds '" + foreign.get() + "', which 'spectrolens " + m.command()
          + "' did not write; refusing to delete it (move it away)");
    }
    try {
      Ownership.deleteListed(p, entries);
    } catch (IOException e) {
      throw new SpectrolensException(p.toString(), "cannot delete a leftover of an earlier run: " + OutputLock.reason(e), e);
    }
  }

  private static Path sibling(Path out, String suffix) {
    return out.resolveSibling(out.getFileName() + suffix);
  }

  private static void moveQuietly(Path from, Path to) {
    try {
      Files.move(from, to);
    } catch (IOException ignored) {
      // the first failure is the one reported
    }
  }
}
