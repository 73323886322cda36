package dev.precis.cli;

import dev.precis.ingest.InputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * Writes an output file through a temporary sibling that replaces the target only on success, so a
 * failure or a kill never leaves a half-written output.
 */
final class AtomicOutput implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Path target;
  private final Path temp;
  private final BufferedWriter writer;
  private boolean committed;

  AtomicOutput(Path target) {
    Path abs = target.toAbsolutePath();
    try {
      if (Files.isDirectory(abs)) {
        throw new InputException(target + ": is a directory");
      }
      if (Files.exists(abs) && !Files.isRegularFile(abs)) {
        // a device or a pipe (/dev/stdout, /dev/null, a FIFO): nothing to replace atomically, and
        // renaming over it would replace the device itself (as root) or fail (everyone else)
        this.target = abs;
        this.temp = null;
        this.writer = Files.newBufferedWriter(abs, StandardCharsets.UTF_8);
        return;
      }
      if (Files.isSymbolicLink(abs)) {
        abs = abs.toRealPath(); // replace the file the link points to, keep the link
      }
      this.target = abs;
      Path dir = abs.getParent();
      // a missing folder is more often a typo than a wish: refuse rather than create it silently
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new InputException(target + ": cannot write (" + dir + " is not a directory)");
      }
      if (!Files.isDirectory(dir)) {
        throw new InputException(
            target + ": cannot write (directory " + dir + " does not exist; create it first)");
      }
      this.temp = createSibling(dir, "." + target.getFileName() + ".");
      this.writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
    } catch (java.nio.file.AccessDeniedException e) {
      // the message names the temporary sibling, which the user never asked for
      throw new InputException(target + ": cannot write (permission denied)");
    } catch (IOException e) {
      throw new InputException(target + ": cannot write (" + e.getMessage() + ")");
    }
  }

  /**
   * Creates an empty temporary file next to the target. Not {@code Files.createTempFile}: that
   * makes the file owner-only (0600), and the rename would hand that mode to the output, unlike any
   * ordinary write; a plain create gets the user's umask. An existing target's permissions are
   * kept.
   */
  private Path createSibling(Path dir, String prefix) throws IOException {
    Path file;
    while (true) {
      file = dir.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong()) + ".tmp");
      try {
        Files.createFile(file);
        break;
      } catch (FileAlreadyExistsException taken) {
        // another name on the next try
      }
    }
    try {
      if (Files.isRegularFile(target)) {
        Files.setPosixFilePermissions(file, Files.getPosixFilePermissions(target));
      }
    } catch (IOException | UnsupportedOperationException ignored) {
      // not POSIX, or not ours to read: the umask's default stands
    }
    return file;
  }

  Writer writer() {
    return writer;
  }

  /** Moves the finished temporary file over the target. */
  void commit() {
    try {
      writer.close();
      if (temp == null) {
        committed = true; // written straight to a device or pipe
        return;
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      committed = true;
    } catch (java.nio.file.AccessDeniedException e) {
      throw new InputException(target + ": cannot write (permission denied)");
    } catch (IOException e) {
      throw new InputException(target + ": cannot write (" + e.getMessage() + ")");
    }
  }

  @Override
  public void close() {
    if (!committed) {
      try {
        writer.close();
      } catch (IOException ignored) {
        // the temporary file is deleted below either way
      }
      try {
        if (temp != null) {
          Files.deleteIfExists(temp);
        }
      } catch (IOException ignored) {
        // nothing more to do: the target was never touched
      }
    }
  }
}
