package dev.precis.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Politeness: the least time between the starts of two requests to one host, across all threads of
 * a fetcher. A site's robots.txt {@code Crawl-delay} widens it for that site, within reason.
 */
final class HostDelays {
  private static final long MAX_CRAWL_DELAY_NANOS = Duration.ofSeconds(10).toNanos();

  private final long hostDelayNanos;
  private final Map<String, Long> nextSlot = new HashMap<>();
  private final Map<String, Long> crawlDelays = new ConcurrentHashMap<>();

  HostDelays(Duration hostDelay) {
    this.hostDelayNanos = hostDelay.toNanos();
  }

  /** Records a site's own {@code Crawl-delay}, capped at ten seconds. */
  void widen(String host, long crawlDelayMs) {
    if (crawlDelayMs > 0) {
      crawlDelays.put(host, Math.min(crawlDelayMs * 1_000_000L, MAX_CRAWL_DELAY_NANOS));
    }
  }

  /**
   * Moves the host's next slot to a full delay after this moment, when a request actually went out:
   * a slow first connection must not shorten the gap the server sees.
   */
  void sent(String host) {
    long delay = Math.max(hostDelayNanos, crawlDelays.getOrDefault(host, 0L));
    if (delay <= 0) {
      return;
    }
    synchronized (nextSlot) {
      long next = System.nanoTime() + delay;
      nextSlot.merge(host, next, (a, b) -> a - b > 0 ? a : b);
    }
  }

  /** Blocks until this thread may start a request to {@code host}, and books that slot. */
  void await(String host) {
    long delay = Math.max(hostDelayNanos, crawlDelays.getOrDefault(host, 0L));
    if (delay <= 0) {
      return;
    }
    long wait;
    synchronized (nextSlot) {
      long now = System.nanoTime();
      Long slot = nextSlot.get(host);
      long start = slot == null || slot - now < 0 ? now : slot;
      nextSlot.put(host, start + delay);
      wait = start - now;
    }
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FetchException("interrupted while waiting to fetch from " + host);
      }
    }
  }
}
