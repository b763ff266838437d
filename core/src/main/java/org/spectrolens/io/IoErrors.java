package org.spectrolens.io;

import java.io.IOException;
import java.nio.file.FileSystemException;

/** Why a file operation failed, in words: an IOException's message alone is often just the path. */
public final class IoErrors {
  private IoErrors() {}

  /** "permission denied", "no such file or folder", "No space left on device", ... */
  public static String reason(IOException e) {
    // a writer's own wrapper ("I/O error writing PNG file!") hides the file system's reason: the innermost one is the one to say
    if (e.getCause() instanceof IOException inner && inner != e) return reason(inner);
    String r = switch (e.getClass().getSimpleName()) {
      case "AccessDeniedException" -> "permission denied";
      case "NoSuchFileException" -> "no such file or folder";
      case "FileAlreadyExistsException" -> "already exists";
      case "NotDirectoryException" -> "not a folder";
      case "DirectoryNotEmptyException" -> "folder not empty";
      default -> e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
    };
    return r == null ? e.getClass().getSimpleName() : r;
  }
}
