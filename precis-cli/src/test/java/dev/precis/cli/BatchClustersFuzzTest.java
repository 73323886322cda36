package dev.precis.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * Fuzzes batch mode ({@code summarize --input clusters.jsonl --output ...}) end to end in-process:
 * any input ends with exit code 0 or a one-line error, never an internal error or a stack trace.
 */
class BatchClustersFuzzTest {
  /**
   * One folder for every execution, emptied after each, so each starts from the same state (no
   * output file yet) without creating a folder per execution (a third of the time of a small one).
   */
  private static Path dir;

  private static synchronized Path dir() throws IOException {
    if (dir == null) {
      dir = Files.createTempDirectory("precis-fuzz");
      Path created = dir;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(created)));
    }
    return dir;
  }

  @FuzzTest(maxDuration = "5m")
  void clusters(byte[] input) throws IOException {
    Path dir = dir();
    try {
      Path in = dir.resolve("clusters.jsonl");
      Files.write(in, input);
      StringWriter err = new StringWriter();
      int code =
          Main.run(
              new PrintWriter(new StringWriter(), true),
              new PrintWriter(err, true),
              "summarize",
              "--facts",
              "--input",
              in.toString(),
              "--output",
              dir.resolve("out.jsonl").toString());
      String message = err.toString();
      if (message.contains("internal error") || message.contains("\tat ") || code > 2) {
        throw new IllegalStateException("exit " + code + ": " + message);
      }
    } finally {
      try (var files = Files.list(dir)) {
        files.forEach(BatchClustersFuzzTest::deleteTree);
      }
    }
  }

  private static void deleteTree(Path root) {
    try (var files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
