package dev.precis.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.store.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
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
}
