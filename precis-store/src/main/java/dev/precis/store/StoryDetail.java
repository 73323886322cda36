package dev.precis.store;

import dev.precis.summarize.Summary;
import java.util.List;

/**
 * A story with its articles and its stored summary.
 *
 * @param info the story
 * @param articles its articles in summary order; citations' document indices point here
 * @param summary the stored summary (its articles are {@code articles}), or {@code null} when none
 *     was computed yet
 * @param summaryRevision the story revision the summary was computed at, or -1
 */
public record StoryDetail(
    StoryInfo info, List<StoredArticle> articles, Summary summary, long summaryRevision) {
  public StoryDetail {
    articles = List.copyOf(articles);
  }

  /** True when the summary exists and reflects every article of the story. */
  public boolean summaryCurrent() {
    return summary != null && summaryRevision == info.revision();
  }
}
