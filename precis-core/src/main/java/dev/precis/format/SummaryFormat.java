package dev.precis.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.model.Article;
import dev.precis.model.Citation;
import dev.precis.model.Markdown;
import dev.precis.summarize.Summary;
import dev.precis.summarize.SummarySentence;
import java.util.List;
import java.util.Locale;

/** Renders a summary as plain text, Markdown or JSON: the single place output is shaped. */
public enum SummaryFormat {
  TEXT,
  MARKDOWN,
  JSON;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public static SummaryFormat parse(String s) {
    try {
      return valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format '" + s + "' (use text, markdown or json)");
    }
  }

  public String render(Summary summary) {
    return switch (this) {
      case TEXT -> text(summary, false);
      case MARKDOWN -> text(summary, true);
      case JSON -> toJson(summary).toPrettyString() + "\n";
    };
  }

  /**
   * Renders the summaries of several events as a story of events, in the given (time) order: each
   * under its day ("12 April 2017: headline"), with its own sentences and sources. JSON: an {@code
   * events} list, each with the fields of a single summary plus {@code id}, {@code day} and {@code
   * headline}.
   */
  public String renderEvents(List<EventSummary> events) {
    if (this == JSON) {
      ObjectNode o = MAPPER.createObjectNode();
      StringBuilder all = new StringBuilder();
      ArrayNode list = o.putArray("events");
      for (EventSummary e : events) {
        ObjectNode eo = list.addObject();
        eo.put("id", "e" + e.event().id());
        eo.put("day", e.event().day() == null ? null : e.event().day().toString());
        eo.put("headline", e.event().headline());
        eo.setAll(toJson(e.summary()));
        if (!e.summary().sentences().isEmpty()) {
          all.append(all.length() == 0 ? "" : "\n")
              .append(dayLabel(e))
              .append(": ")
              .append(e.summary().text().replace("\n", " "));
        }
      }
      o.put("summary", all.toString());
      return o.toPrettyString() + "\n";
    }
    StringBuilder b = new StringBuilder();
    for (EventSummary e : events) {
      String head = dayLabel(e) + (e.event().headline() == null ? "" : ": " + e.event().headline());
      if (this == MARKDOWN) {
        b.append("# ").append(Markdown.escape(head)).append("\n\n");
      } else {
        b.append(head).append("\n\n");
      }
      b.append(text(e.summary(), this == MARKDOWN)).append('\n');
    }
    return b.toString();
  }

  private static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  private static String dayLabel(EventSummary e) {
    return e.event().day() == null ? "Date unknown" : DAY.format(e.event().day());
  }

  private static String text(Summary summary, boolean markdown) {
    StringBuilder b = new StringBuilder();
    if (markdown) {
      b.append("## Summary\n\n");
    }
    for (SummarySentence s : summary.sentences()) {
      b.append(markdown ? Markdown.escape(s.text()) : s.text())
          .append(' ')
          .append(markers(s.citations()))
          .append(markdown ? "\n\n" : "\n");
    }
    b.append(markdown ? "## Sources\n\n" : "\nSources:\n");
    List<Article> articles = summary.articles();
    for (int i = 0; i < articles.size(); i++) {
      Article a = articles.get(i);
      String where = a.url() != null ? a.url() : a.origin();
      String label = a.title() != null ? a.title() : where;
      if (markdown) {
        b.append(i + 1).append(". ");
        b.append(a.url() != null ? Markdown.link(label, a.url()) : Markdown.escape(label));
        if (a.url() == null && where != null && !where.equals(label)) {
          b.append(" — `").append(where).append('`');
        }
        b.append('\n');
      } else {
        b.append('[').append(i + 1).append("] ").append(label);
        if (where != null && !where.equals(label)) {
          b.append(" (").append(where).append(')');
        }
        b.append('\n');
      }
    }
    return b.toString();
  }

  /** "[1][3]": the sources of a sentence, each once, in order; fact sheets mark theirs alike. */
  static String markers(List<Citation> citations) {
    StringBuilder b = new StringBuilder();
    citations.stream()
        .mapToInt(Citation::document)
        .distinct()
        .sorted()
        .forEach(d -> b.append('[').append(d + 1).append(']'));
    return b.toString();
  }

  /** The JSON shape of a summary, shared by the CLI, batch mode and the server. */
  public static ObjectNode toJson(Summary summary) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("summary", summary.text());
    root.put("words", summary.words());
    ArrayNode sentences = root.putArray("sentences");
    for (SummarySentence s : summary.sentences()) {
      ObjectNode o = sentences.addObject();
      o.put("text", s.text());
      ArrayNode src = o.putArray("sources");
      for (Citation c : s.citations()) {
        ObjectNode co = src.addObject();
        co.put("document", c.document());
        co.put("start", c.start());
        co.put("end", c.end());
      }
    }
    ArrayNode docs = root.putArray("documents");
    for (Article a : summary.articles()) {
      ObjectNode o = docs.addObject();
      o.put("id", a.id());
      o.put("title", a.title());
      o.put("url", a.url());
      o.put("origin", a.origin());
      o.put("outlet", a.outlet());
      o.put("published", a.published() == null ? null : a.published().toString());
      o.put("text", a.text());
    }
    return root;
  }
}
