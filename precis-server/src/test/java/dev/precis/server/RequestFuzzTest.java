package dev.precis.server;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.precis.Precis;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes what the request handlers parse: the body of {@code POST /api/articles} and {@code
 * /api/summarize} under each content type with arbitrary query parameters, then the articles it
 * yields as the handlers prepare them, and the {@code Host} header. The one allowed failure is an
 * {@link HttpError} (a 4xx answer).
 */
class RequestFuzzTest {
  private static final Precis PRECIS = Precis.defaults();

  private static final String[] TYPES = {
    "application/json", "text/plain", "text/html", "application/ld+json; charset=utf-8", "", null
  };

  @FuzzTest(maxDuration = "5m")
  void articleRequest(FuzzedDataProvider data) {
    String type = data.pickValue(TYPES);
    Map<String, String> query = new HashMap<>();
    for (String name : new String[] {"story", "title", "url", "published", "id", "facts"}) {
      if (data.consumeBoolean()) {
        query.put(name, data.consumeString(64));
      }
    }
    byte[] body = data.consumeRemainingAsBytes();
    try {
      ArticleRequests.Batch batch = ArticleRequests.parse(type, body, query, 50);
      for (RawArticle raw : batch.articles()) {
        Article prepared = PRECIS.prepare(raw);
        PRECIS.split(List.of(prepared));
      }
    } catch (HttpError expected) {
      if (expected.status < 400 || expected.status > 499) {
        throw new IllegalStateException("status " + expected.status + " for a bad request");
      }
    }
  }

  @FuzzTest(maxDuration = "5m")
  void hostHeader(String host) {
    if (host != null) {
      RequestGuard.hostName(host);
    }
  }
}
