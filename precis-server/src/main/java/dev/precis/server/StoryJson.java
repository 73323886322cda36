package dev.precis.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.facts.FactSheet;
import dev.precis.format.FactSheetFormat;
import dev.precis.format.SummaryFormat;
import dev.precis.store.StoredArticle;
import dev.precis.store.StoryDetail;
import dev.precis.store.StoryInfo;
import dev.precis.store.StoryPage;
import dev.precis.summarize.Summary;
import java.time.Instant;
import java.util.List;

/**
 * The JSON shapes of stories. A story page is the summary JSON that {@code precis summarize
 * --format json} and {@code POST /api/summarize} write ({@link SummaryFormat#toJson}), plus the
 * story's metadata and, on each document, its stored article id: one renderer in the web reader
 * shows both.
 */
final class StoryJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private StoryJson() {}

  static ObjectNode info(StoryInfo s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", s.id());
    o.put("title", s.title());
    ArrayNode outlets = o.putArray("outlets");
    s.outlets().forEach(outlets::add);
    o.put("articleCount", s.articleCount());
    o.put("firstSeen", time(s.firstSeen()));
    o.put("lastSeen", time(s.lastSeen()));
    o.put("updatedAt", time(s.updatedAt()));
    o.put("revision", s.revision());
    o.put("teaser", s.teaser());
    return o;
  }

  static ObjectNode page(StoryPage page) {
    ObjectNode o = MAPPER.createObjectNode();
    ArrayNode list = o.putArray("stories");
    for (StoryInfo s : page.stories()) {
      list.add(info(s));
    }
    o.put("page", page.page());
    o.put("size", page.size());
    o.put("total", page.total());
    o.put("hasNext", page.hasNext());
    return o;
  }

  static ObjectNode detail(StoryDetail d, FactSheet facts) {
    ObjectNode o = info(d.info());
    List<StoredArticle> articles = d.articles();
    Summary summary =
        d.summary() != null
            ? d.summary()
            : new Summary(List.of(), articles.stream().map(StoredArticle::article).toList());
    ObjectNode json = SummaryFormat.toJson(summary);
    ArrayNode docs = (ArrayNode) json.get("documents");
    for (int i = 0; i < docs.size() && i < articles.size(); i++) {
      ObjectNode doc = (ObjectNode) docs.get(i);
      StoredArticle a = articles.get(i);
      doc.put("articleId", a.id());
      doc.put("author", a.article().author());
      doc.put("ingestedAt", time(a.ingestedAt()));
    }
    o.setAll(json);
    if (facts != null) {
      o.set("facts", FactSheetFormat.toJson(facts));
    }
    o.put("summaryCurrent", d.summaryCurrent());
    return o;
  }

  private static String time(Instant t) {
    return t == null ? null : t.toString();
  }
}
