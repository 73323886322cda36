package dev.precis.eval.baseline;

import dev.precis.summarize.Summarizers;

/**
 * The classic summarizers Precis is compared with. They live with the evaluation code because they
 * exist only for comparison (and read text the way ROUGE does); the oracle is not listed because it
 * reads the reference summaries.
 */
public final class Baselines {
  private Baselines() {}

  /** {@code registry} with lead, random, lexrank, textrank, centroid and mmr added. */
  public static Summarizers addTo(Summarizers registry) {
    return registry
        .with("lead", LeadSummarizer::new)
        .with("random", RandomSummarizer::new)
        .with("lexrank", LexRankSummarizer::new)
        .with("textrank", TextRankSummarizer::new)
        .with("centroid", CentroidSummarizer::new)
        .with("mmr", MmrSummarizer::new);
  }

  /** The product's summarizers and the baselines: what {@code precis eval} compares. */
  public static Summarizers all() {
    return addTo(Summarizers.standard());
  }
}
