package dev.precis.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.ingest.RawArticle;
import dev.precis.store.DatabaseUrl;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API end to end over a real server and an embedded H2 file database. */
class ServerApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String KEY = "s3cret-key";
  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() {
    server =
        new TestServer(
            DatabaseUrl.parse(dir.resolve("db").toString()),
            ServerConfig.defaults().withApiKey(KEY).withMaxBodyBytes(2 * 1024 * 1024));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String exampleBatch(String story) {
    ObjectNode body = JSON.createObjectNode();
    if (story != null) {
      body.put("story", story);
    }
    ArrayNode list = body.putArray("articles");
    for (RawArticle a : TestServer.example()) {
      list.addObject().put("id", a.id()).put("text", a.content());
    }
    return body.toString();
  }

  /** POST /api/summarize with the key: it needs one when the server has one. */
  static HttpResponse<String> summarize(String type, String body) throws Exception {
    return server.post("/api/summarize", type, body, "X-API-Key", KEY);
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    return JSON.readTree(r.body());
  }

  @Test
  void healthReportsTheDatabase() throws Exception {
    HttpResponse<String> r = server.get("/api/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("status").asText()).isEqualTo("ok");
    assertThat(json(r).get("database").asText()).isEqualTo("h2");
  }

  @Test
  void postedArticlesBecomeAStoryWithCitedSummary() throws Exception {
    HttpResponse<String> first =
        server.post(
            "/api/articles", "application/json", exampleBatch("api-test"), "X-API-Key", KEY);
    assertThat(first.statusCode()).isEqualTo(201);
    JsonNode added = json(first);
    assertThat(added.get("added").asInt()).isEqualTo(5);
    long storyId = added.get("stories").get(0).asLong();

    HttpResponse<String> again =
        server.post(
            "/api/articles",
            "application/json",
            exampleBatch("api-test"),
            "Authorization",
            "Bearer " + KEY);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).get("unchanged").asInt()).isEqualTo(5);

    JsonNode story = json(server.get("/api/stories/" + storyId));
    assertThat(story.get("articleCount").asInt()).isEqualTo(5);
    assertThat(story.get("summaryCurrent").asBoolean()).isTrue();
    assertThat(story.get("sentences")).isNotEmpty();
    JsonNode docs = story.get("documents");
    assertThat(docs).hasSize(5);
    for (JsonNode s : story.get("sentences")) {
      JsonNode origin = s.get("sources").get(0);
      String text = docs.get(origin.get("document").asInt()).get("text").asText();
      assertThat(text.substring(origin.get("start").asInt(), origin.get("end").asInt()))
          .isEqualTo(s.get("text").asText());
    }
    assertThat(docs.get(0).get("articleId").asLong()).isPositive();

    JsonNode list = json(server.get("/api/stories?page=1&size=5"));
    assertThat(list.get("stories").findValuesAsText("id")).contains(String.valueOf(storyId));
    // the second read comes from the cache and is identical
    assertThat(server.get("/api/stories/" + storyId).body())
        .isEqualTo(server.get("/api/stories/" + storyId).body());
  }

  @Test
  void articlesPostedWithoutAStoryAreClustered() throws Exception {
    String batch =
        exampleBatch(null).replace("\"id\":\"", "\"url\":\"https://news.example/\",\"id\":\"");
    HttpResponse<String> r =
        server.post("/api/articles", "application/json", batch, "X-API-Key", KEY);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode out = json(r);
    assertThat(out.get("added").asInt()).isEqualTo(5);
    assertThat(out.get("stories").size()).isBetween(1, 5);
    for (JsonNode id : out.get("stories")) {
      JsonNode story = json(server.get("/api/stories/" + id.asLong()));
      assertThat(story.get("summaryCurrent").asBoolean()).isTrue();
      assertThat(story.get("outlets").toString()).contains("news.example");
    }
    HttpResponse<String> again =
        server.post("/api/articles", "application/json", batch, "X-API-Key", KEY);
    assertThat(json(again).get("unchanged").asInt()).isEqualTo(5);
    assertThat(json(again).get("stories")).isEqualTo(out.get("stories"));
  }

  @Test
  void aStoryListsItsEventsInTimeOrderEachWithItsOwnSummary() throws Exception {
    String batch =
        exampleBatch(null).replace("\"id\":\"", "\"url\":\"https://wire.example/\",\"id\":\"");
    JsonNode out = json(server.post("/api/articles", "application/json", batch, "X-API-Key", KEY));
    assertThat(out.get("stories")).hasSize(2); // the January 2018 call and the April 2017 meeting
    int aprilEvents = 0;
    for (JsonNode id : out.get("stories")) {
      JsonNode events = json(server.get("/api/stories/" + id.asLong())).get("events");
      assertThat(events.findValues("id").stream().map(JsonNode::asLong)).contains(id.asLong());
      String previousDay = "";
      for (JsonNode e : events) {
        assertThat(e.get("sentences")).isNotEmpty();
        assertThat(e.get("headline").asText()).isNotBlank();
        String day = e.get("day").asText();
        assertThat(day).isGreaterThanOrEqualTo(previousDay);
        previousDay = day;
        List<String> docs = e.get("documents").findValuesAsText("id");
        if (docs.size() == 4) {
          aprilEvents++;
          assertThat(day).startsWith("2017-04");
          assertThat(docs).noneMatch(d -> d.startsWith("000"));
        } else {
          assertThat(docs).hasSize(1).allMatch(d -> d.startsWith("000"));
        }
      }
    }
    assertThat(aprilEvents).isPositive();
  }

  @Test
  void htmlAndPlainTextBodiesAreOneArticle() throws Exception {
    HttpResponse<String> r =
        server.post(
            "/api/articles?title=Plain&story=plain",
            "text/plain",
            "The council approved the budget on Monday. The vote was close.",
            "X-API-Key",
            KEY);
    assertThat(r.statusCode()).isEqualTo(201);
    HttpResponse<String> h =
        server.post(
            "/api/articles?story=plain",
            "text/html; charset=utf-8",
            "<html><body><p>The mayor signed the budget on Tuesday after the vote.</p></body></html>",
            "X-API-Key",
            KEY);
    assertThat(h.statusCode()).isEqualTo(201);
    assertThat(json(h).get("stories").get(0).asLong())
        .isEqualTo(json(r).get("stories").get(0).asLong());
  }

  @Test
  void summarizeIsStatelessAndUsesTheSummaryJsonShape() throws Exception {
    long before = json(server.get("/api/health")).get("articles").asLong();
    ObjectNode body = (ObjectNode) JSON.readTree(exampleBatch(null));
    body.put("words", 60);
    HttpResponse<String> r = summarize("application/json", body.toString());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode s = json(r);
    assertThat(s.get("words").asInt()).isBetween(1, 60);
    assertThat(s.get("sentences").get(0).get("sources")).isNotEmpty();
    assertThat(s.get("documents")).hasSize(5);
    assertThat(json(server.get("/api/health")).get("articles").asLong()).isEqualTo(before);
  }

  @Test
  void writesNeedTheApiKey() throws Exception {
    assertThat(server.post("/api/articles", "application/json", exampleBatch(null)).statusCode())
        .isEqualTo(401);
    assertThat(
            server
                .post("/api/articles", "application/json", exampleBatch(null), "X-API-Key", "wrong")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void badRequestsGetJsonErrorsWithProperStatus() throws Exception {
    assertError(summarize("application/json", "{\"articles\": [1,"), 400);
    assertError(summarize("application/json", "{\"articles\": []}"), 400);
    assertError(summarize("application/json", "{\"articles\": [{\"title\": \"x\"}]}"), 400);
    assertError(summarize("application/json", "{\"articles\": [\"a b c\"], \"words\": -3}"), 400);
    assertError(
        summarize("application/json", "{\"articles\": [\"a b c\"], \"summarizer\": \"nope\"}"),
        400);
    assertError(summarize("application/xml", "<a/>"), 415);
    assertError(summarize("application/json", ""), 400);
    assertError(summarize("application/json", "[\"" + "word ".repeat(500_000) + "\"]"), 413);
    assertError(
        server.post("/api/articles", "text/plain", "word ".repeat(500_000), "X-API-Key", KEY), 413);
    assertError(server.get("/api/stories/999999"), 404);
    assertError(server.get("/api/stories/abc"), 404);
    assertError(server.get("/api/stories?page=0"), 400);
    assertError(server.get("/api/stories?size=x"), 400);
    assertError(server.get("/api/nothing"), 404);
    assertError(server.post("/api/stories", "application/json", "{}"), 405);
    assertError(server.get("/api/summarize"), 405);
  }

  @Test
  void openApiDocumentListsEveryEndpoint() throws Exception {
    JsonNode doc = json(server.get("/api/openapi.json"));
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    assertThat(doc.get("paths").fieldNames())
        .toIterable()
        .contains(
            "/api/health", "/api/stories", "/api/stories/{id}", "/api/articles", "/api/summarize");
  }

  @Test
  void readerPagesAreServedWithAStrictContentSecurityPolicy() throws Exception {
    HttpResponse<String> page = server.get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<script src=\"/app.js\"");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            v -> assertThat(v).contains("script-src 'self'").doesNotContain("unsafe-inline"));
    assertThat(server.get("/app.js").statusCode()).isEqualTo(200);
    assertThat(server.get("/app.css").statusCode()).isEqualTo(200);
    assertThat(server.get("/missing").statusCode()).isEqualTo(404);
  }

  private static void assertError(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    JsonNode e = json(r).get("error");
    assertThat(e.get("status").asInt()).isEqualTo(status);
    assertThat(e.get("message").asText()).isNotBlank();
  }

  static List<String> ids(JsonNode stories) {
    return stories.findValuesAsText("id");
  }
}
