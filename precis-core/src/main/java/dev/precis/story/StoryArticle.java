package dev.precis.story;

import java.time.Instant;

/**
 * One article of a {@link Story}: what a story remembers of it (not its text).
 *
 * @param id the article's id
 * @param title its title or {@code null}
 * @param outlet publisher (outlet, else URL host) or {@code null}
 * @param url its URL or {@code null}
 * @param published publication time or {@code null}
 * @param duplicateOf id of the canonical article this one copies, or {@code null} when it is itself
 *     canonical
 */
public record StoryArticle(
    String id, String title, String outlet, String url, Instant published, String duplicateOf) {

  /**
   * What a story remembers of an article, as {@link StoryClusterer} records it (the outlet, else
   * the URL's host).
   *
   * @param duplicateOf the id of the canonical article it copies, or {@code null}
   */
  public static StoryArticle of(dev.precis.model.Article a, String duplicateOf) {
    return new StoryArticle(
        a.id(), a.title(), StoryClusterer.outlet(a), a.url(), a.published(), duplicateOf);
  }

  /** Whether this article is a canonical text (not a copy of an earlier one). */
  public boolean canonical() {
    return duplicateOf == null;
  }
}
