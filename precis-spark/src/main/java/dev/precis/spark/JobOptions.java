package dev.precis.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What one run of the job does.
 *
 * @param inputs files and directories, local paths or any Hadoop file system URI
 * @param output the output directory (also the state of incremental runs)
 * @param partitions tasks per stage (input files are read one task per file)
 * @param windowDays length of the time windows clustered one by one (at least the closing horizon)
 * @param threshold similarity an article needs to join an event (as {@code stories --threshold})
 * @param closeAfterHours an event not updated for this long is closed
 * @param leadInHours article time before a window that its clusterer sees first (owned by the
 *     window before), so that the events open at the window's start are rebuilt with their recent
 *     history
 * @param warmUpArticles earlier articles a window's clusterer observes (document frequencies only)
 * @param words summary word budget per entry
 * @param byEvent one entry per event of a story of several ({@code --group event}), else per story
 * @param jsonl also write {@code stories.jsonl}, the lines {@code precis stories} writes
 * @param facts build each entry's fact sheet (the {@code facts} table)
 * @param maxFileBytes input files (and records) larger than this are refused
 */
record JobOptions(
    List<String> inputs,
    String output,
    int partitions,
    int windowDays,
    double threshold,
    long closeAfterHours,
    long leadInHours,
    long warmUpArticles,
    int words,
    boolean byEvent,
    boolean jsonl,
    boolean facts,
    long maxFileBytes)
    implements Serializable {
  JobOptions {
    inputs = List.copyOf(inputs);
    if (leadInHours < closeAfterHours || windowDays * 24L < leadInHours) {
      throw new IllegalArgumentException(
          "--lead-in-hours must be at least --close-after-hours and at most --window-days");
    }
  }

  /** The options the stored state of a run depends on (not the inputs, output or partitions). */
  String stateKey() {
    return "window-days="
        + windowDays
        + " threshold="
        + threshold
        + " close-after-hours="
        + closeAfterHours
        + " lead-in-hours="
        + leadInHours
        + " warm-up-articles="
        + warmUpArticles
        + " words="
        + words
        + " by-event="
        + byEvent
        + " facts="
        + facts;
  }
}
