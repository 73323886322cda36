package dev.precis.store;

import java.time.Instant;

/**
 * A story's time range, from its articles' publication times only: an article with no known time
 * leaves the range as it is, and a story of undated articles has no range ({@code null}), never the
 * time it was ingested.
 *
 * @param first earliest publication time, or {@code null} when none is known
 * @param last latest publication time, or {@code null}
 */
record StoryTimes(Instant first, Instant last) {
  static final StoryTimes UNKNOWN = new StoryTimes(null, null);

  /** The range widened to include {@code published}; unchanged when it is {@code null}. */
  StoryTimes with(Instant published) {
    if (published == null) {
      return this;
    }
    return new StoryTimes(
        first == null || published.isBefore(first) ? published : first,
        last == null || published.isAfter(last) ? published : last);
  }
}
