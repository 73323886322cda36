package dev.precis.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.facts.DateMention;
import dev.precis.facts.Entity;
import dev.precis.facts.FactExtractor;
import dev.precis.facts.FactSheet;
import dev.precis.facts.Figure;
import dev.precis.facts.FigureGroup;
import dev.precis.facts.Quote;
import dev.precis.facts.TimelineEvent;
import dev.precis.model.Article;
import dev.precis.model.Citation;
import dev.precis.model.Markdown;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a fact sheet as plain text, Markdown or JSON: the single place its output is shaped. */
public enum FactSheetFormat {
  TEXT,
  MARKDOWN,
  JSON;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** How many entities, quotes, figure groups and events the text forms show. */
  private static final int SHOWN = 15;

  public static FactSheetFormat parse(String s) {
    try {
      return valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format '" + s + "' (use text, markdown or json)");
    }
  }

  /** The fact sheet in this format; {@code articles} (may be empty) label the sources. */
  public String render(FactSheet sheet, List<Article> articles) {
    return switch (this) {
      case TEXT -> text(sheet, articles, false);
      case MARKDOWN -> text(sheet, articles, true);
      case JSON -> {
        ObjectNode root = toJson(sheet);
        ArrayNode docs = root.putArray("documents");
        for (Article a : articles) {
          ObjectNode o = docs.addObject();
          o.put("id", a.id());
          o.put("title", a.title());
          o.put("url", a.url());
          o.put("origin", a.origin());
          // the cleaned text that every citation's {start, end} indexes into
          o.put("text", a.text());
          if (a.text().length() > FactExtractor.MAX_CHARS_PER_ARTICLE) {
            // facts come from the opening only: a reader must not take the sheet as complete
            o.put("factsReadChars", FactExtractor.MAX_CHARS_PER_ARTICLE);
          }
        }
        yield root.toPrettyString() + "\n";
      }
    };
  }

  /** The Markdown section ("## Fact sheet") that summaries append. */
  public static String markdownSection(FactSheet sheet) {
    return text(sheet, List.of(), true);
  }

  private static String text(FactSheet sheet, List<Article> articles, boolean md) {
    StringBuilder b = new StringBuilder();
    heading(b, md, "Fact sheet", 2);
    List<FigureGroup> conflicts = sheet.disagreements();
    if (!conflicts.isEmpty()) {
      heading(b, md, "Where sources disagree", 3);
      for (FigureGroup g : conflicts) {
        b.append(md ? "- **" : "- ").append(g.label()).append(md ? "**: " : ": ");
        appendFigures(b, g);
        b.append('\n');
      }
      b.append('\n');
    }
    heading(b, md, "Who", 3);
    int n = 0;
    for (Entity e : sheet.entities()) {
      if (n++ >= SHOWN) {
        break;
      }
      b.append("- ")
          .append(md ? "**" + e.name() + "**" : e.name())
          .append(" (")
          .append(e.type().name().toLowerCase(Locale.ROOT));
      if (!e.roles().isEmpty()) {
        b.append("; ")
            .append(String.join("; ", e.roles().subList(0, Math.min(2, e.roles().size()))));
      }
      b.append("), ")
          .append(e.mentions())
          .append(e.mentions() == 1 ? " mention " : " mentions ")
          .append(SummaryFormat.markers(e.citations()));
      List<String> other = e.forms().stream().filter(f -> !f.equals(e.name())).limit(4).toList();
      if (!other.isEmpty()) {
        b.append(" — also \"").append(String.join("\", \"", other)).append('"');
      }
      b.append('\n');
    }
    andMore(b, sheet.entities().size());
    b.append('\n');
    heading(b, md, "Who said what", 3);
    n = 0;
    for (Quote q : sheet.quotes()) {
      if (n++ >= SHOWN) {
        break;
      }
      b.append("- ")
          .append(
              q.speaker() == null ? "(unattributed)" : md ? "**" + q.speaker() + "**" : q.speaker())
          .append(": “")
          .append(md ? Markdown.escape(q.text()) : q.text())
          .append("” ")
          .append(SummaryFormat.markers(q.citations()))
          .append('\n');
    }
    andMore(b, sheet.quotes().size());
    b.append('\n');
    heading(b, md, "Figures", 3);
    n = 0;
    for (FigureGroup g : sheet.figures()) {
      if (n++ >= SHOWN) {
        break;
      }
      b.append("- ").append(g.label()).append(": ");
      appendFigures(b, g);
      if (g.disagreement()) {
        b.append(md ? " — **sources disagree**" : " — sources disagree");
      }
      b.append('\n');
    }
    andMore(b, sheet.figures().size());
    b.append('\n');
    heading(b, md, "Timeline", 3);
    for (TimelineEvent t : sheet.timeline()) {
      b.append("- ")
          .append(dateLabel(t))
          .append(": ")
          .append(md ? Markdown.escape(shorten(t.text(), 160)) : shorten(t.text(), 160))
          .append(' ')
          .append(SummaryFormat.markers(t.citations()))
          .append('\n');
    }
    if (!articles.isEmpty()) {
      b.append('\n');
      heading(b, md, "Sources", 3);
      for (int i = 0; i < articles.size(); i++) {
        String label = articles.get(i).label();
        b.append('[')
            .append(i + 1)
            .append("] ")
            .append(md ? Markdown.escape(label) : label)
            .append(cutNote(articles.get(i)))
            .append('\n');
      }
    }
    return b.toString();
  }

  /** Says that the facts of a very long article come from its opening only, or nothing. */
  private static String cutNote(Article a) {
    int length = a.text().length();
    return length <= FactExtractor.MAX_CHARS_PER_ARTICLE
        ? ""
        : String.format(
            Locale.ROOT,
            " (facts from its first %,d of %,d characters)",
            FactExtractor.MAX_CHARS_PER_ARTICLE,
            length);
  }

  /** Says how many items a capped list left out, so a reader knows the list is cut. */
  private static void andMore(StringBuilder b, int total) {
    if (total > SHOWN) {
      b.append("- … and ").append(total - SHOWN).append(" more (all in --format json)\n");
    }
  }

  /** Distinct statements of a figure ("more than 80" in three articles is one), each cited. */
  private static void appendFigures(StringBuilder b, FigureGroup g) {
    Map<String, List<Figure>> variants = variants(g);
    int i = 0;
    for (List<Figure> same : variants.values()) {
      Figure f = same.get(0);
      if (i++ > 0) {
        b.append("; ");
      }
      b.append('"').append(f.text()).append('"');
      if (!f.counts().isEmpty()) {
        b.append(" (").append(f.counts()).append(')');
      }
      b.append(" = ")
          .append(f.range())
          .append(' ')
          .append(SummaryFormat.markers(same.stream().map(Figure::citation).toList()));
    }
  }

  /** Figures of a group keyed by their wording and range, in first-seen order. */
  static Map<String, List<Figure>> variants(FigureGroup g) {
    Map<String, List<Figure>> out = new LinkedHashMap<>();
    for (Figure f : g.figures()) {
      out.computeIfAbsent(
              f.text().toLowerCase(Locale.ROOT) + "|" + f.range(), k -> new ArrayList<>())
          .add(f);
    }
    return out;
  }

  private static String dateLabel(TimelineEvent t) {
    return dateLabel(t.date(), t.granularity());
  }

  /**
   * A date as far as it is known, for readers: {@code 2003}, {@code 2003-04}, {@code week of
   * 2003-04-07} or {@code 2003-04-07}; a bare year is never shown as its first day.
   */
  public static String dateLabel(LocalDate date, DateMention.Granularity granularity) {
    return switch (granularity) {
      case DAY -> date.toString();
      case WEEK -> "week of " + date;
      case MONTH -> date.toString().substring(0, 7);
      case YEAR -> String.valueOf(date.getYear());
    };
  }

  /**
   * A date at its precision in ISO 8601 form, for programs: {@code 2003}, {@code 2003-04}, {@code
   * 2003-W15} (ISO week) or {@code 2003-04-07}.
   */
  static String isoDate(LocalDate date, DateMention.Granularity granularity) {
    return switch (granularity) {
      case DAY -> date.toString();
      case WEEK ->
          String.format(
              Locale.ROOT,
              "%d-W%02d",
              date.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
              date.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> date.toString().substring(0, 7);
      case YEAR -> String.valueOf(date.getYear());
    };
  }

  private static void heading(StringBuilder b, boolean md, String title, int level) {
    if (md) {
      b.append("#".repeat(level)).append(' ').append(title).append("\n\n");
    } else {
      b.append(level == 2 ? title.toUpperCase(Locale.ROOT) : title + ":").append('\n');
    }
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static ArrayNode citations(ArrayNode arr, List<Citation> citations) {
    for (Citation c : citations) {
      ObjectNode o = arr.addObject();
      o.put("document", c.document());
      o.put("start", c.start());
      o.put("end", c.end());
    }
    return arr;
  }

  /** The JSON shape of a fact sheet, shared by the CLI, summaries, stories and the server. */
  public static ObjectNode toJson(FactSheet sheet) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode ents = root.putArray("entities");
    for (Entity e : sheet.entities()) {
      ObjectNode o = ents.addObject();
      o.put("name", e.name());
      o.put("type", e.type().name().toLowerCase(Locale.ROOT));
      e.forms().forEach(o.putArray("forms")::add);
      e.roles().forEach(o.putArray("roles")::add);
      o.put("mentions", e.mentions());
      o.put("documents", e.documents());
      citations(o.putArray("sources"), e.citations());
    }
    ArrayNode quotes = root.putArray("quotes");
    for (Quote q : sheet.quotes()) {
      ObjectNode o = quotes.addObject();
      o.put("text", q.text());
      o.put("speaker", q.speaker());
      q.variants().forEach(o.putArray("variants")::add);
      o.put("outlets", q.outlets());
      citations(o.putArray("sources"), q.citations());
    }
    ArrayNode figs = root.putArray("figures");
    for (FigureGroup g : sheet.figures()) {
      ObjectNode o = figs.addObject();
      o.put("category", g.category());
      o.put("topic", g.topic());
      o.put("disagreement", g.disagreement());
      g.conflicts().forEach(o.putArray("conflicts")::add);
      ArrayNode vs = o.putArray("variants");
      for (List<Figure> same : variants(g).values()) {
        ObjectNode vo = vs.addObject();
        vo.put("text", same.get(0).text());
        vo.put("counts", same.get(0).counts());
        vo.put("range", same.get(0).range().toString());
        citations(vo.putArray("sources"), same.stream().map(Figure::citation).toList());
      }
      ArrayNode arr = o.putArray("values");
      for (Figure f : g.figures()) {
        ObjectNode fo = arr.addObject();
        fo.put("text", f.text());
        fo.put("counts", f.counts());
        fo.put("low", f.range().low());
        fo.put("lowInclusive", f.range().lowInclusive());
        if (Double.isInfinite(f.range().high())) {
          fo.putNull("high");
        } else {
          fo.put("high", f.range().high());
        }
        fo.put("highInclusive", f.range().highInclusive());
        fo.put("approximate", f.range().approximate());
        fo.put("range", f.range().toString());
        citations(fo.putArray("sources"), List.of(f.citation()));
      }
    }
    ArrayNode tl = root.putArray("timeline");
    for (TimelineEvent t : sheet.timeline()) {
      ObjectNode o = tl.addObject();
      // the date as far as it is known ("2003", not "2003-01-01"); "firstDay" is its first day
      o.put("date", isoDate(t.date(), t.granularity()));
      o.put("firstDay", t.date().toString());
      o.put("label", dateLabel(t.date(), t.granularity()));
      o.put("granularity", t.granularity().name().toLowerCase(Locale.ROOT));
      t.expressions().forEach(o.putArray("expressions")::add);
      o.put("text", t.text());
      citations(o.putArray("sources"), t.citations());
    }
    ArrayNode dates = root.putArray("dates");
    for (DateMention d : sheet.dates()) {
      ObjectNode o = dates.addObject();
      o.put("text", d.text());
      o.put("date", d.date() == null ? null : isoDate(d.date(), d.granularity()));
      o.put("firstDay", d.date() == null ? null : d.date().toString());
      o.put("granularity", d.granularity().name().toLowerCase(Locale.ROOT));
      o.put("basis", d.basis());
      o.put("document", d.mention().document());
      o.put("start", d.mention().start());
      o.put("end", d.mention().end());
    }
    return root;
  }
}
