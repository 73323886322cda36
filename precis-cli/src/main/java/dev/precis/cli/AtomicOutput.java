package dev.precis.cli;

import dev.precis.ingest.InputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output file through a temporary sibling that replaces the target only on success,
 * so a failure or a kill never leaves a half-written output.
 */
final class AtomicOutput implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final BufferedWriter writer;
  private boolean committed;

  AtomicOutput(Path target) {
    this.target = target.toAbsolutePath();
    try {
      Path dir = this.target.getParent();
      Files.createDirectories(dir);
      this.temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      this.writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException(target + ": cannot write (" + e.getMessage() + ")");
    }
  }

  Writer writer() {
    return writer;
  }

  /** Moves the finished temporary file over the target. */
  void commit() {
    try {
      writer.close();
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      committed = true;
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
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // nothing more to do: the target was never touched
      }
    }
  }
}
