package dev.precis.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.model.Article;
import dev.precis.model.Citation;
import dev.precis.model.Markdown;
import dev.precis.story.Story;
import dev.precis.story.StoryArticle;
import dev.precis.story.StoryEvent;
import dev.precis.summarize.Summary;
import dev.precis.summarize.SummarySentence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a story with its cited summary as one JSON object (for JSON Lines) or as Markdown. A
 * citation of a canonical article also names the outlets of all its copies: the summary is computed
 * once over canonical texts, but every outlet that ran the text gets the credit.
 */
public enum StoryFormat {
  JSONL,
  MARKDOWN;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public static StoryFormat parse(String s) {
    try {
      return valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format '" + s + "' (use jsonl or markdown)");
    }
  }

  /**
   * Renders one story. {@code summary} was computed over the story's canonical articles (its {@code
   * articles()} are they, in citation order); it may be {@code null} when none had text. The JSON
   * form is one line with no line break inside.
   */
  public String render(Story story, Summary summary, String fallbackTitle) {
    return switch (this) {
      case JSONL -> toJson(story, summary, fallbackTitle).toString() + "\n";
      case MARKDOWN -> markdown(story, summary, fallbackTitle);
    };
  }

  /**
   * Renders a story of several events, each summarized on its own ({@code events} in the story's
   * time order): every event gets its {@code summary} and {@code sentences}; the story's {@code
   * summary} gives them in time order, each line under its day ("2017-04-12: ..."), and its {@code
   * sentences} are all events' sentences in that order.
   */
  public String renderEvents(Story story, List<EventSummary> events, String fallbackTitle) {
    return switch (this) {
      case JSONL -> eventsJson(story, events, fallbackTitle).toString() + "\n";
      case MARKDOWN -> eventsMarkdown(story, events, fallbackTitle);
    };
  }

  private static ObjectNode eventsJson(
      Story story, List<EventSummary> events, String fallbackTitle) {
    ObjectNode o = toJson(story, null, fallbackTitle);
    StringBuilder all = new StringBuilder();
    ArrayNode sentences = o.putArray("sentences");
    for (int i = 0; i < events.size(); i++) {
      EventSummary e = events.get(i);
      ObjectNode eo = (ObjectNode) o.get("events").get(i);
      Summary summary = e.summary();
      eo.put("summary", summary == null ? "" : summary.text());
      ArrayNode mine = eo.putArray("sentences");
      sentences(story, summary, mine);
      sentences(story, summary, sentences);
      if (summary != null && !summary.sentences().isEmpty()) {
        all.append(all.length() == 0 ? "" : "\n")
            .append(e.event().day() == null ? "undated" : e.event().day().toString())
            .append(": ")
            .append(summary.text().replace('\n', ' '));
      }
    }
    o.put("summary", all.toString());
    return o;
  }

  private static String eventsMarkdown(
      Story story, List<EventSummary> events, String fallbackTitle) {
    String head = markdown(story, null, fallbackTitle);
    int articles = head.indexOf("Articles:\n");
    StringBuilder b = new StringBuilder(head.substring(0, articles));
    for (EventSummary e : events) {
      b.append("### ")
          .append(e.event().day() == null ? "Date unknown" : e.event().day().toString());
      if (e.event().headline() != null) {
        b.append(": ").append(Markdown.escape(e.event().headline()));
      }
      b.append("\n\n");
      if (e.summary() != null) {
        for (SummarySentence s : e.summary().sentences()) {
          b.append(Markdown.escape(s.text()));
          s.citations().stream()
              .map(c -> e.summary().articles().get(c.document()).id())
              .distinct()
              .forEach(id -> b.append(" [").append(Markdown.escape(id)).append(']'));
          b.append("\n\n");
        }
      }
    }
    b.append("Articles:\n\n");
    for (StoryArticle a : story.articles()) {
      if (a.canonical()) {
        b.append("- ").append(label(a)).append(" [").append(Markdown.escape(a.id())).append(']');
        List<String> copies = story.copiesOf(a.id());
        if (!copies.isEmpty()) {
          List<String> labels = new ArrayList<>();
          for (String c : copies) {
            labels.add(label(find(story, c)));
          }
          b.append(" — also ran in: ").append(String.join("; ", labels));
        }
        b.append('\n');
      }
    }
    b.append('\n');
    return b.toString();
  }

  /** The story id as printed: {@code s} and its number. */
  public static String id(Story story) {
    return "s" + story.id();
  }

  public static ObjectNode toJson(Story story, Summary summary, String fallbackTitle) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", id(story));
    o.put("title", title(story, fallbackTitle));
    o.put("first_seen", story.firstSeen() == null ? null : story.firstSeen().toString());
    o.put("last_seen", story.lastSeen() == null ? null : story.lastSeen().toString());
    ArrayNode ids = o.putArray("article_ids");
    story.articleIds().forEach(ids::add);
    ArrayNode outlets = o.putArray("outlets");
    story.outlets().forEach(outlets::add);
    ArrayNode arts = o.putArray("articles");
    Map<String, String> texts = new HashMap<>();
    if (summary != null) {
      summary.articles().forEach(a -> texts.put(a.id(), a.text()));
    }
    for (StoryArticle a : story.articles()) {
      ObjectNode ao = arts.addObject();
      ao.put("id", a.id());
      ao.put("title", a.title());
      ao.put("outlet", a.outlet());
      ao.put("url", a.url());
      ao.put("published", a.published() == null ? null : a.published().toString());
      ao.put("duplicate_of", a.duplicateOf());
      if (texts.containsKey(a.id())) {
        // the cleaned text that citations naming this article index into with {start, end}
        ao.put("text", texts.get(a.id()));
      }
    }
    ArrayNode events = o.putArray("events");
    for (StoryEvent e : story.events()) {
      ObjectNode eo = events.addObject();
      eo.put("id", "e" + e.id());
      eo.put("day", e.day() == null ? null : e.day().toString());
      eo.put("headline", e.headline());
      ArrayNode ea = eo.putArray("articles");
      e.articleIds().forEach(ea::add);
    }
    o.put("summary", summary == null ? "" : summary.text());
    sentences(story, summary, o.putArray("sentences"));
    return o;
  }

  private static void sentences(Story story, Summary summary, ArrayNode sentences) {
    if (summary != null) {
      for (SummarySentence s : summary.sentences()) {
        ObjectNode so = sentences.addObject();
        so.put("text", s.text());
        ArrayNode src = so.putArray("sources");
        for (Citation c : s.citations()) {
          Article cited = summary.articles().get(c.document());
          ObjectNode co = src.addObject();
          co.put("article", cited.id());
          co.put("start", c.start());
          co.put("end", c.end());
          ArrayNode copies = co.putArray("copies");
          story.copiesOf(cited.id()).forEach(copies::add);
          ArrayNode co2 = co.putArray("outlets");
          outletsOf(story, cited.id()).forEach(co2::add);
        }
      }
    }
  }

  private static String markdown(Story story, Summary summary, String fallbackTitle) {
    StringBuilder b = new StringBuilder();
    b.append("## ").append(Markdown.escape(title(story, fallbackTitle))).append("\n\n");
    b.append('*')
        .append(id(story))
        .append(" · ")
        .append(story.articles().size())
        .append(story.articles().size() == 1 ? " article" : " articles");
    b.append(" · ").append(when(story));
    if (!story.outlets().isEmpty()) {
      // outlet names come from the pages: escaped like every other text (an outlet named
      // <svg onload=...> ran when the Markdown was rendered)
      b.append(" · ")
          .append(
              String.join(
                  ", ",
                  story.outlets().stream()
                      .map(o -> Markdown.escape(o.replaceAll("\\s+", " ")))
                      .toList()));
    }
    b.append("*\n\n");
    List<String> canon =
        summary == null ? List.of() : summary.articles().stream().map(Article::id).toList();
    if (summary != null) {
      for (SummarySentence s : summary.sentences()) {
        b.append(Markdown.escape(s.text()));
        s.citations().stream()
            .mapToInt(Citation::document)
            .distinct()
            .sorted()
            .forEach(d -> b.append(" [").append(d + 1).append(']'));
        b.append("\n\n");
      }
    }
    b.append("Articles:\n\n");
    for (int i = 0; i < canon.size(); i++) {
      String cid = canon.get(i);
      StoryArticle a = find(story, cid);
      b.append(i + 1).append(". ").append(label(a));
      List<String> copies = story.copiesOf(cid);
      if (!copies.isEmpty()) {
        List<String> labels = new ArrayList<>();
        for (String c : copies) {
          labels.add(label(find(story, c)));
        }
        b.append(" — also ran in: ").append(String.join("; ", labels));
      }
      b.append('\n');
    }
    for (StoryArticle a : story.articles()) {
      if (a.canonical() && !canon.contains(a.id())) {
        b.append("- ").append(label(a)).append('\n');
      }
    }
    b.append('\n');
    return b.toString();
  }

  /**
   * When a story of one event happened, for its byline: the event's day as its articles tell,
   * followed by the publication span when that is not the same day ("2017-04-12, reported
   * 2017-04-21"); without an event day, the publication span.
   */
  static String when(Story story) {
    String published = timeRange(story.firstSeen(), story.lastSeen());
    if (story.events().size() != 1 || story.events().get(0).day() == null) {
      return published;
    }
    String day = story.events().get(0).day().toString();
    return published.equals(day) ? day : day + ", reported " + published;
  }

  /**
   * A story's time range as readers see it: "date unknown" when no article had a publication time;
   * a time of exactly midnight UTC (how a date without a time is kept) as just the day.
   */
  public static String timeRange(java.time.Instant first, java.time.Instant last) {
    if (first == null && last == null) {
      return "date unknown";
    }
    String a = shown(first != null ? first : last);
    String b = shown(last != null ? last : first);
    return a.equals(b) ? a : a + " – " + b;
  }

  private static String shown(java.time.Instant t) {
    return t.getEpochSecond() % 86_400 == 0 && t.getNano() == 0
        ? t.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString()
        : t.toString();
  }

  private static String label(StoryArticle a) {
    String name = a.title() != null && !a.title().isBlank() ? a.title() : a.id();
    StringBuilder b = new StringBuilder();
    b.append(a.url() != null ? Markdown.link(name, a.url()) : Markdown.escape(name));
    if (a.outlet() != null) {
      b.append(" (").append(Markdown.escape(a.outlet())).append(')');
    }
    return b.toString();
  }

  private static StoryArticle find(Story story, String id) {
    for (StoryArticle a : story.articles()) {
      if (a.id().equals(id)) {
        return a;
      }
    }
    throw new IllegalArgumentException("article " + id + " is not in story " + story.id());
  }

  private static Set<String> outletsOf(Story story, String canonicalId) {
    Set<String> out = new LinkedHashSet<>();
    for (StoryArticle a : story.articles()) {
      if ((a.id().equals(canonicalId) || canonicalId.equals(a.duplicateOf()))
          && a.outlet() != null) {
        out.add(a.outlet());
      }
    }
    return out;
  }

  private static String title(Story story, String fallback) {
    String t = story.title();
    return t != null ? t : fallback;
  }
}
