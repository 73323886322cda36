package dev.precis.store;

import java.time.Instant;
import java.util.List;

/**
 * A story as listed: what a reader sees before opening it.
 *
 * @param id database id
 * @param key the grouping key the story was created under (clusterer id, batch, user set)
 * @param title the title of its earliest titled article, else the opening of its summary, or {@code
 *     null}
 * @param outlets distinct outlets (publisher, else host of the URL), in order of arrival
 * @param articleCount number of articles
 * @param revision grows by one whenever an article joins; summaries record the revision
 * @param firstSeen earliest publication time of its articles, or {@code null} when none is known
 * @param lastSeen latest publication time, or {@code null}
 * @param updatedAt when the story last changed
 * @param teaser the opening of the summary's first sentence when the story has a title (without
 *     one, that opening is the title), else {@code null}
 */
public record StoryInfo(
    long id,
    String key,
    String title,
    List<String> outlets,
    int articleCount,
    long revision,
    Instant firstSeen,
    Instant lastSeen,
    Instant updatedAt,
    String teaser) {
  public StoryInfo {
    outlets = List.copyOf(outlets);
  }
}
