package dev.precis.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.store.Store;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The answer of {@code GET /api/health}, from a database check run by a thread of its own. A probe
 * asks for a fresh check and waits for it at most {@link #FRESH_WAIT_MILLIS}; when the database is
 * slow (its connection pool taken by the load, a lock, a pause) it gets the last finished check at
 * once instead of waiting behind the load. It stays truthful: a failed check, or no finished check
 * for {@link #STALE_MILLIS}, answers 503; the answer says how old its check is. A background check
 * every {@link #PERIOD_MILLIS} keeps the last result recent between probes. At most one check runs
 * and one waits, however many probes arrive.
 */
final class HealthCheck implements AutoCloseable {
  static final long FRESH_WAIT_MILLIS = 250;
  static final long STALE_MILLIS = 10_000;
  static final long PERIOD_MILLIS = 5_000;

  /** One finished check: the counts, or why it failed; when it finished. */
  private record Result(Store.Counts counts, String error, long finishedNanos) {}

  private final Store store;
  private final ScheduledExecutorService checker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "precis-health");
            t.setDaemon(true);
            return t;
          });

  /** A check asked for and not started yet: probes arriving meanwhile share it. */
  private final AtomicReference<CompletableFuture<Result>> waiting = new AtomicReference<>();

  private volatile Result last;

  HealthCheck(Store store) {
    this.store = store;
    checker.scheduleWithFixedDelay(() -> last = check(), 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Fills in the health answer and returns its status: 200 with the counts, 503 with why not. */
  int answer(ObjectNode o) {
    Result r = freshOrLast();
    long ageMillis = r == null ? -1 : (System.nanoTime() - r.finishedNanos()) / 1_000_000;
    String error =
        r == null
            ? "the first database check has not finished yet"
            : r.error() != null
                ? r.error()
                : ageMillis > STALE_MILLIS
                    ? "the database has not answered for " + ageMillis / 1000 + " s"
                    : null;
    o.put("status", error == null ? "ok" : "unavailable");
    o.put("database", store.url().postgres() ? "postgresql" : "h2");
    if (error == null) {
      o.put("articles", r.counts().articles());
      o.put("stories", r.counts().stories());
    } else {
      o.put("error", error);
    }
    if (r != null) {
      o.put("checkedMillisAgo", ageMillis);
    }
    return error == null ? 200 : 503;
  }

  private Result freshOrLast() {
    try {
      return requestCheck().get(FRESH_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return last;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return last;
    }
  }

  /** A check that starts after this call: the one already waiting, or a new one. */
  private CompletableFuture<Result> requestCheck() {
    while (true) {
      CompletableFuture<Result> queued = waiting.get();
      if (queued != null) {
        return queued;
      }
      CompletableFuture<Result> mine = new CompletableFuture<>();
      if (waiting.compareAndSet(null, mine)) {
        try {
          checker.execute(
              () -> {
                waiting.compareAndSet(mine, null);
                Result r = check();
                last = r;
                mine.complete(r);
              });
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
          waiting.compareAndSet(mine, null);
          mine.completeExceptionally(stopped);
        }
        return mine;
      }
    }
  }

  private Result check() {
    try {
      return new Result(store.counts(), null, System.nanoTime());
    } catch (RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Result(null, why, System.nanoTime());
    }
  }

  @Override
  public void close() {
    checker.shutdownNow();
  }
}
