package dev.precis.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precis.Precis;
import dev.precis.ingest.RawArticle;
import dev.precis.store.DatabaseUrl;
import dev.precis.store.Ingestor;
import dev.precis.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a restart finds after a kill, on the same database. */
class ServerRestartTest {
  @TempDir Path dir;

  /**
   * A post stores its articles, then summarizes their stories; a kill between the two leaves the
   * articles stored with a stale summary, and the client's retry finds them stored and changes
   * nothing. The restarted server brings such summaries up to date by itself (found by the soak's
   * kill -9 on PostgreSQL: one story left with the summary of an older revision).
   */
  @Test
  void restartBringsSummariesLeftStaleByAKillUpToDate() throws Exception {
    DatabaseUrl db = DatabaseUrl.parse(dir.resolve("db").toString());
    try (Store store = Store.open(db)) {
      Ingestor ingestor = new Ingestor(store, ServerConfig.defaults().options());
      for (RawArticle raw : TestServer.example()) {
        ingestor.add(raw, "killed-before-summary");
      }
      // killed here: stored, never summarized
      assertThat(store.storiesNeedingSummary()).hasSize(1);
    }
    try (Store store = Store.open(db);
        PrecisServer server =
            new PrecisServer(store, ServerConfig.defaults().withPort(0), Precis.defaults())
                .start()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!store.storiesNeedingSummary().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(store.storiesNeedingSummary()).isEmpty();
    }
  }
}
