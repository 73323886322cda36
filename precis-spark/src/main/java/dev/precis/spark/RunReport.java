package dev.precis.spark;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run did: per input file, articles read and records skipped by reason; copies found and
 * articles grouped over the whole output.
 */
record RunReport(
    int run,
    List<FileReport> files,
    long deduplicated,
    long grouped,
    long events,
    long stories,
    Work work) {
  /**
   * How much of the grouping and summarizing this run redid: windows clustered and stories
   * assembled (summarized) again, of all.
   */
  record Work(long windowsClustered, long windows, long storiesAssembled) {}

  RunReport {
    files = List.copyOf(files);
  }

  static RunReport nothingNew(int run) {
    return new RunReport(run, List.of(), 0, 0, 0, 0, new Work(0, 0, 0));
  }

  long read() {
    return files.stream().mapToLong(FileReport::read).sum();
  }

  Map<String, Long> skipped() {
    Map<String, Long> out = new TreeMap<>();
    for (FileReport f : files) {
      f.skipped().forEach((k, v) -> out.merge(k, v, Long::sum));
    }
    return out;
  }

  /** The one summary line. */
  String line() {
    if (files.isEmpty()) {
      return "precis spark: nothing new to read (run " + run + " is current)";
    }
    Map<String, Long> skipped = skipped();
    long skippedTotal = skipped.values().stream().mapToLong(Long::longValue).sum();
    StringBuilder b = new StringBuilder("precis spark: run ").append(run);
    b.append(": read ").append(read()).append(" articles from ").append(files.size());
    b.append(files.size() == 1 ? " file" : " files");
    b.append(", skipped ").append(skippedTotal);
    if (!skipped.isEmpty()) {
      b.append(" (");
      String sep = "";
      for (var e : skipped.entrySet()) {
        b.append(sep).append(e.getKey()).append(": ").append(e.getValue());
        sep = ", ";
      }
      b.append(')');
    }
    b.append(", deduplicated ").append(deduplicated);
    b.append(", grouped ").append(grouped).append(" into ").append(events).append(" events and ");
    b.append(stories).append(" stories");
    b.append(" (clustered ").append(work.windowsClustered()).append(" of ");
    b.append(work.windows()).append(" windows, summarized ").append(work.storiesAssembled());
    b.append(" of ").append(stories).append(" stories)");
    return b.toString();
  }
}
