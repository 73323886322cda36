package dev.precis.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --output FILE} of every command that writes one document or stream: the file is
 * written through {@link AtomicOutput}, so a failure never leaves half of it; without the option
 * the command writes to standard output. Use as {@code @Mixin OutputFileMixin output;}.
 */
final class OutputFileMixin {
  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write here (atomically) instead of standard output.")
  Path file;

  /** Writes {@code text} to the file atomically, or to {@code out} when no file was given. */
  void writeOrPrint(String text, PrintWriter out) throws IOException {
    if (file == null) {
      out.print(text);
      out.flush();
      return;
    }
    try (AtomicOutput atomic = new AtomicOutput(file)) {
      atomic.writer().write(text);
      atomic.commit();
    }
  }

  /** The atomic output to stream into, or {@code null} when writing to standard output. */
  AtomicOutput openOrNull() {
    return file == null ? null : new AtomicOutput(file);
  }
}
