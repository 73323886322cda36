package dev.precis.bench;

import dev.precis.ingest.ArticleSources;
import dev.precis.ingest.ArticleStream;
import dev.precis.ingest.SourceOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Shows that {@link ArticleSources} streams: writes N synthetic JSON Lines articles (about 1.8 KB
 * each) to a temporary file, reads them all back under whatever heap the JVM was given, and prints
 * the count, the rate and the heap limit.
 *
 * <pre>
 * java -Xmx64m -cp precis-bench/target/benchmarks.jar dev.precis.bench.StreamingCheck 300000
 * </pre>
 */
public final class StreamingCheck {
  private StreamingCheck() {}

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
    Path file = Files.createTempFile("precis-streaming", ".jsonl");
    try {
      String body = "Some words of the body here. ".repeat(60);
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (int i = 0; i < n; i++) {
          w.write(
              "{\"id\":\"a"
                  + i
                  + "\",\"text\":\"Article "
                  + i
                  + ". "
                  + body
                  + "\",\"source\":\"Outlet "
                  + (i % 40)
                  + "\"}\n");
        }
      }
      long start = System.nanoTime();
      long count = 0;
      long chars = 0;
      try (ArticleStream s =
          ArticleSources.open(List.of(file.toString()), SourceOptions.defaults())) {
        while (s.hasNext()) {
          chars += s.next().content().length();
          count++;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%d articles (%d MB of JSON Lines, %d chars of text) in %.1f s: %.0f articles/s with a %d MB heap%n",
          count,
          Files.size(file) >> 20,
          chars,
          seconds,
          count / seconds,
          Runtime.getRuntime().maxMemory() >> 20);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
