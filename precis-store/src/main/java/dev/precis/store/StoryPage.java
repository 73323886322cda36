package dev.precis.store;

import java.util.List;

/**
 * One page of stories, newest first.
 *
 * @param stories the stories on this page
 * @param page 1-based page number
 * @param size page size asked for
 * @param total number of stories in all
 */
public record StoryPage(List<StoryInfo> stories, int page, int size, long total) {
  public StoryPage {
    stories = List.copyOf(stories);
  }

  /** True when a further page exists. */
  public boolean hasNext() {
    return (long) page * size < total;
  }
}
