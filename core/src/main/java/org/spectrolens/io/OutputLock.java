package org.spectrolens.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.spectrolens.SpectrolensException;

/**
 * One writer per output: a hidden sibling {@code .<name>.lock} with an operating-system lock on it
 * for as long as the run lasts, and the writer's pid inside. The OS releases the lock when the
 * process dies (even by kill -9), so a lock file whose lock can be taken is stale and is taken
 * over; a live one makes the second run fail at once with
 * {@code <out>: another spectrolens run (pid N) is writing it}.
 *
 * <p>The holder deletes the file before releasing it; a process that opened the file just before
 * could then lock an unlinked inode, so a lock counts only if the path still names the inode it
 * named before opening (compared by stat, never by opening the file again: closing any
 * descriptor of a file drops the process's POSIX locks on it).
 */
public final class OutputLock implements AutoCloseable {
  /** Lock files this process holds: a second channel on one of them would drop its POSIX lock when closed. */
  private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean released;

  private OutputLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file of {@code out}: {@code .<name>.lock} in the same folder. */
  public static Path fileOf(Path out) {
    Path abs = out.toAbsolutePath().normalize();
    return abs.resolveSibling("." + abs.getFileName() + ".lock");
  }

  /**
   * Takes the lock of {@code out} (a file or folder that may not exist yet; its parent is created).
   *
   * @throws SpectrolensException naming {@code out} when another live run holds it
   */
  public static OutputLock acquire(Path out) {
    Path abs = out.toAbsolutePath().normalize();
    Path file = fileOf(abs);
    try {
      Files.createDirectories(abs.getParent());
    } catch (IOException e) {
      throw new SpectrolensException(abs.getParent().toString(), "cannot create the folder: " + reason(e), e);
    }
    if (!HELD.add(file)) {
      throw new SpectrolensException(abs.toString(), "another spectrolens run (pid " + ProcessHandle.current().pid()
          + ") is writing it; wait for it to finish or choose another `out`");
    }
    try {
      return lock(abs, file);
    } catch (RuntimeException e) {
      HELD.remove(file);
      throw e;
    }
  }

  private static OutputLock lock(Path abs, Path file) {
    for (int attempt = 0; attempt < 20; attempt++) {
      FileChannel ch = null;
      try {
        Object before = fileKey(file); // the inode the path names before we open it
        try {
          ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
          before = fileKey(file); // our own new file: nobody else unlinks it
        } catch (FileAlreadyExistsException e) {
          ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        FileLock l;
        try {
          l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
          l = null; // held by this very process (another run in the same JVM)
        }
        if (l == null) {
          String pid = readPid(file);
          ch.close();
          throw new SpectrolensException(abs.toString(), "another spectrolens run (pid " + pid
              + ") is writing it; wait for it to finish or choose another `out`");
        }
        if (before == null || !before.equals(fileKey(file))) {
          l.release(); // the previous holder unlinked the file we locked: lock the one the path names now
          ch.close();
          continue;
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        ch.force(true);
        return new OutputLock(file, ch, l);
      } catch (NoSuchFileException e) {
        closeQuietly(ch); // deleted between create and open: try again
      } catch (IOException e) {
        closeQuietly(ch);
        throw new SpectrolensException(file.toString(), "cannot lock the output: " + reason(e), e);
      }
    }
    throw new SpectrolensException(file.toString(), "cannot lock the output (the lock file keeps disappearing)");
  }

  /** Deletes the lock file and releases the lock. Idempotent. */
  @Override
  public void close() {
    if (released) return;
    released = true;
    try {
      Files.deleteIfExists(file); // before releasing: a process waiting on this inode then sees the path change
      lock.release();
    } catch (IOException ignored) {
      // the OS drops the lock with the channel anyway
    } finally {
      closeQuietly(channel);
      HELD.remove(file);
    }
  }

  /** The file's identity (device and inode) from a stat, never an open: null when it does not exist. */
  private static Object fileKey(Path file) {
    try {
      return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  private static String readPid(Path file) {
    String s = readQuietly(file);
    String pid = s == null ? "" : s.trim().split("\\s+")[0];
    return pid.matches("\\d+") ? pid : "unknown";
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return null;
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch == null) return;
    try {
      ch.close();
    } catch (IOException ignored) {
      // nothing to add
    }
  }

  static String reason(IOException e) {
    return IoErrors.reason(e);
  }
}
