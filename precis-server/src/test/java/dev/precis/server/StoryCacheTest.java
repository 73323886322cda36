package dev.precis.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The story cache holds at most its byte budget, however large the stories. */
class StoryCacheTest {
  @Test
  void boundedByBytesNotOnlyEntries() {
    StoryCache cache = new StoryCache(10_000, 1_000_000, 250);
    for (long id = 0; id < 100; id++) {
      cache.put(id, 1, new byte[200_000]);
      assertThat(cache.bytes()).isLessThanOrEqualTo(1_000_000);
    }
    cache.put(1000, 1, new byte[600_000]); // over a quarter of the budget: not cached
    assertThat(cache.get(1000, 1)).isNull();
    cache.put(7, 2, new byte[10]);
    cache.invalidate(7);
    assertThat(cache.get(7, 2)).isNull();
    assertThat(cache.bytes()).isLessThanOrEqualTo(1_000_000).isGreaterThanOrEqualTo(0);
  }
}
