package dev.precis.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What reading one input file gave: records read as articles, and records skipped by reason
 * (unreadable, empty, no text left after cleaning...). Reports of one file from several tasks add
 * up.
 */
record FileReport(String file, long read, Map<String, Long> skipped) implements Serializable {
  FileReport {
    skipped = new TreeMap<>(skipped);
  }

  static FileReport skip(String file, String reason) {
    return new FileReport(file, 0, Map.of(reason, 1L));
  }

  long skippedTotal() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  FileReport plus(FileReport o) {
    Map<String, Long> sum = new TreeMap<>(skipped);
    o.skipped.forEach((k, v) -> sum.merge(k, v, Long::sum));
    return new FileReport(file, read + o.read, sum);
  }

  /**
   * The reason of a reader's warning without the record it names ({@code "skipped FILE:12: not
   * JSON"} → {@code "not JSON"}), digits folded so that reasons can be counted.
   */
  static String reason(String warning) {
    String w = warning;
    int colon = w.lastIndexOf(": ");
    if (colon >= 0) {
      w = w.substring(colon + 2);
    }
    int paren = w.indexOf(" (");
    if (paren > 0) {
      w = w.substring(0, paren);
    }
    w = w.replaceAll("[0-9]+", "N").strip();
    return w.length() > 80 ? w.substring(0, 80) : w;
  }
}
