package dev.precis.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.store.DatabaseUrl;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 over real HTTP: empty articles are skipped with the commands' warning (point 4), field
 * types are checked and a bad date is a warning (point 5), parser internals never leak.
 */
class ServerInputTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() {
    server =
        new TestServer(DatabaseUrl.parse(dir.resolve("db").toString()), ServerConfig.defaults());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void articleOfOnlyBoilerplateIsSkippedNotStored() throws Exception {
    String body =
        "{\"articles\": [{\"id\": \"furniture\", \"text\": \"Subscribe to our newsletter\\n"
            + "All rights reserved.\\nShare this article\\nFollow us on Twitter\"}]}";
    long before = JSON.readTree(server.get("/api/stories").body()).get("total").asLong();
    HttpResponse<String> r = server.post("/api/articles", "application/json", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode out = JSON.readTree(r.body());
    assertThat(out.get("added").asInt()).isZero();
    assertThat(out.get("skipped").asInt()).isEqualTo(1);
    assertThat(out.get("stories")).isEmpty();
    assertThat(out.get("articles").get(0).get("skipped").asText())
        .isEqualTo("no text left after removing boilerplate");
    assertThat(out.get("warnings").get(0).asText())
        .isEqualTo("skipped article furniture: no text left after removing boilerplate");
    JsonNode list = JSON.readTree(server.get("/api/stories").body());
    assertThat(list.get("total").asLong()).isEqualTo(before);
  }

  @Test
  void wrongFieldTypesAreRefusedNamingTheField() throws Exception {
    HttpResponse<String> r =
        server.post(
            "/api/articles",
            "application/json",
            "{\"id\":5,\"text\":123,\"title\":[\"x\"],\"published\":\"not a date\",\"url\":42}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).at("/error/message").asText())
        .isEqualTo("article: field \"text\" must be a string, got number");
    HttpResponse<String> nested =
        server.post("/api/summarize", "application/json", "{\"text\": {\"a\": 1}}");
    assertThat(JSON.readTree(nested.body()).at("/error/message").asText())
        .isEqualTo("article: field \"text\" must be a string, got object");
    HttpResponse<String> title =
        server.post(
            "/api/summarize",
            "application/json",
            "{\"articles\": [{\"text\": \"Talks ended.\", \"title\": [\"x\"]}]}");
    assertThat(JSON.readTree(title.body()).at("/error/message").asText())
        .isEqualTo("article 0: field \"title\" must be a string, got array");
  }

  @Test
  void badDateIsAWarningAndTheArticleIsStoredUndated() throws Exception {
    HttpResponse<String> r =
        server.post(
            "/api/articles",
            "application/json",
            "{\"articles\": [{\"id\": \"harbour\", \"published\": \"not a date\", \"text\":"
                + " \"The harbour reopened on Tuesday after a week of storms. Fishing boats"
                + " left at dawn, the port authority said.\"}]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(JSON.readTree(r.body()).get("warnings").get(0).asText())
        .isEqualTo(
            "article 0: field \"published\" is not a date (\"not a date\"); the article is undated");
  }

  @Test
  void parserInternalsDoNotLeak() throws Exception {
    byte[] badUtf8 = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"'};
    HttpResponse<String> r =
        server.http.send(
            HttpRequest.newBuilder(URI.create(server.url("/api/summarize")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(badUtf8))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).doesNotContain("Source:").doesNotContain("REDACTED").doesNotContain("\\n");
  }

  @Test
  void storyTimesComeFromPublicationTimesOnly() throws Exception {
    String undated =
        "{\"story\": \"times\", \"articles\": [{\"id\": \"a\", \"title\": \"Talks in Geneva\","
            + " \"text\": \"Officials met in Geneva on Monday to discuss the ceasefire. The talks"
            + " lasted six hours and ended without an agreement, two diplomats said.\"}]}";
    JsonNode added =
        JSON.readTree(server.post("/api/articles", "application/json", undated).body());
    long id = added.get("stories").get(0).asLong();
    JsonNode story = JSON.readTree(server.get("/api/stories/" + id).body());
    assertThat(story.get("firstSeen").isNull()).as(story.toString()).isTrue();
    assertThat(story.get("lastSeen").isNull()).isTrue();
    String dated =
        "{\"story\": \"times\", \"articles\": [{\"id\": \"b\", \"published\": \"2017-04-21\","
            + " \"text\": \"The ceasefire talks in Geneva will resume next week, the envoy said on"
            + " Friday after meeting both delegations.\"}]}";
    server.post("/api/articles", "application/json", dated);
    story = JSON.readTree(server.get("/api/stories/" + id).body());
    assertThat(story.get("firstSeen").asText()).isEqualTo("2017-04-21T00:00:00Z");
    assertThat(story.get("lastSeen").asText()).isEqualTo("2017-04-21T00:00:00Z");
    JsonNode listed = null;
    for (JsonNode s : JSON.readTree(server.get("/api/stories").body()).get("stories")) {
      if (s.get("id").asLong() == id) {
        listed = s;
      }
    }
    assertThat(listed).isNotNull();
    // the list's teaser: the opening of the summary's first sentence
    assertThat(listed.get("teaser").asText()).isNotBlank();
  }

  @Test
  void unknownPageIsAPageWithAWayBack() throws Exception {
    HttpResponse<String> r = server.get("/story/999");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(r.body()).contains("Page not found").contains("href=\"/\"");
    HttpResponse<String> api = server.get("/api/stories/999");
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(api.body()).at("/error/message").asText())
        .isEqualTo("no such story: 999");
  }
}
