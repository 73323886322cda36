package dev.precis.cli;

import dev.precis.summarize.SummaryOptions;
import picocli.CommandLine.Option;

/**
 * The summary options of every command that writes summaries ({@code summarize}, {@code stories},
 * {@code ingest}, {@code serve}): the word budget and the algorithm. Use as {@code @Mixin
 * SummaryChoiceMixin summary;} and build the options with {@link #options(boolean)}.
 */
final class SummaryChoiceMixin {
  @Option(
      names = "--words",
      converter = CountConverter.class,
      paramLabel = "N",
      defaultValue = "100",
      description = "Word budget of each summary (default: ${DEFAULT-VALUE}).")
  int words;

  @Option(
      names = "--summarizer",
      paramLabel = "NAME",
      defaultValue = "default",
      completionCandidates = SummarizerNames.class,
      description = "Summary algorithm: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String summarizer;

  /**
   * The summary options these flags describe; fails early (before any input is read) on a budget
   * under one word or an unknown algorithm.
   */
  SummaryOptions options(boolean truncate) {
    if (words < 1) {
      throw new IllegalArgumentException("--words must be at least 1");
    }
    Main.PRECIS.summarizers().check(summarizer);
    return new SummaryOptions(words, truncate, summarizer);
  }
}
