package dev.precis.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.store.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API over a real PostgreSQL server (started once for the class). */
class PostgresServerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static EmbeddedPostgres postgres;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    server =
        new TestServer(
            DatabaseUrl.parse(
                "postgresql://postgres:postgres@localhost:" + postgres.getPort() + "/postgres"),
            ServerConfig.defaults());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void storiesRoundTripThroughPostgres() throws Exception {
    JsonNode health = JSON.readTree(server.get("/api/health").body());
    assertThat(health.get("database").asText()).isEqualTo("postgresql");

    String batch = ServerApiTest.exampleBatch("pg-story");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<HttpResponse<String>>> posts = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        posts.add(pool.submit(() -> server.post("/api/articles", "application/json", batch)));
      }
      int added = 0;
      for (Future<HttpResponse<String>> f : posts) {
        HttpResponse<String> r = f.get();
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        added += JSON.readTree(r.body()).get("added").asInt();
      }
      assertThat(added).isEqualTo(5);
    } finally {
      pool.shutdownNow();
    }
    JsonNode list = JSON.readTree(server.get("/api/stories").body());
    assertThat(list.get("total").asInt()).isEqualTo(1);
    long id = list.get("stories").get(0).get("id").asLong();
    JsonNode story = JSON.readTree(server.get("/api/stories/" + id).body());
    assertThat(story.get("articleCount").asInt()).isEqualTo(5);
    assertThat(story.get("summaryCurrent").asBoolean()).isTrue();
    JsonNode first = story.get("sentences").get(0);
    JsonNode origin = first.get("sources").get(0);
    assertThat(
            story
                .get("documents")
                .get(origin.get("document").asInt())
                .get("text")
                .asText()
                .substring(origin.get("start").asInt(), origin.get("end").asInt()))
        .isEqualTo(first.get("text").asText());
    assertThat(story.get("facts").get("entities")).isNotEmpty();
  }

  /**
   * Health never waits for the database: with the articles table locked (every count blocks, as
   * behind a saturated pool), probes are still answered at once (2 s client timeout), from the last
   * check while it is recent, then 503 once the database has not answered for {@link
   * HealthCheck#STALE_MILLIS}; after the lock, 200 with fresh counts again.
   */
  @Test
  void healthAnswersWhileTheDatabaseIsBlocked() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create(server.url("/api/health")))
            .timeout(Duration.ofSeconds(2))
            .build();
    assertThat(client.send(probe, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);
    try (Connection locker = postgres.getPostgresDatabase().getConnection()) {
      locker.setAutoCommit(false);
      try (Statement st = locker.createStatement()) {
        st.execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE");
      }
      JsonNode stale = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
      while (stale == null && System.nanoTime() < deadline) {
        HttpResponse<String> r = client.send(probe, HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        if (r.statusCode() == 503) {
          stale = body;
        } else {
          assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
          assertThat(body.get("status").asText()).isEqualTo("ok");
        }
        Thread.sleep(500);
      }
      assertThat(stale).as("503 once no check finished for 10 s").isNotNull();
      assertThat(stale.get("status").asText()).isEqualTo("unavailable");
      assertThat(stale.get("error").asText()).contains("has not answered");
      locker.rollback();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int status = 0;
    while (status != 200 && System.nanoTime() < deadline) {
      status = client.send(probe, HttpResponse.BodyHandlers.ofString()).statusCode();
      Thread.sleep(200);
    }
    assertThat(status).isEqualTo(200);
  }
}
