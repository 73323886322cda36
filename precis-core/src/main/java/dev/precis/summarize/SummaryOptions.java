package dev.precis.summarize;

/**
 * How to summarize.
 *
 * @param words word budget; the summary never has more words
 * @param truncate when true, the budget is filled exactly by cutting the last sentence
 * @param summarizer name of the algorithm ("default", "lexrank", ...)
 */
public record SummaryOptions(int words, boolean truncate, String summarizer) {
  public static final int DEFAULT_WORDS = 100;

  public SummaryOptions {
    if (words < 1) {
      throw new IllegalArgumentException("word budget must be at least 1, got " + words);
    }
  }

  public static SummaryOptions defaults() {
    return new SummaryOptions(DEFAULT_WORDS, false, "default");
  }

  public SummaryOptions withWords(int n) {
    return new SummaryOptions(n, truncate, summarizer);
  }
}
