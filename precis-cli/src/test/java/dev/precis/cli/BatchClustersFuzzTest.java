package dev.precis.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes batch mode ({@code summarize --input clusters.jsonl --output ...}) end to end in-process:
 * any input ends with exit code 0 or a one-line error, never an internal error or a stack trace.
 */
class BatchClustersFuzzTest {
  @FuzzTest(maxDuration = "5m")
  void clusters(byte[] input) throws IOException {
    Path dir = Files.createTempDirectory("precis-fuzz");
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
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
