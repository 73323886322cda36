package dev.precis.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.model.Article;
import dev.precis.model.Citation;
import dev.precis.model.Markdown;
import dev.precis.story.Story;
import dev.precis.story.StoryArticle;
import dev.precis.summarize.Summary;
import dev.precis.summarize.SummarySentence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
    for (StoryArticle a : story.articles()) {
      ObjectNode ao = arts.addObject();
      ao.put("id", a.id());
      ao.put("title", a.title());
      ao.put("outlet", a.outlet());
      ao.put("url", a.url());
      ao.put("published", a.published() == null ? null : a.published().toString());
      ao.put("duplicate_of", a.duplicateOf());
    }
    o.put("summary", summary == null ? "" : summary.text());
    ArrayNode sentences = o.putArray("sentences");
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
    return o;
  }

  private static String markdown(Story story, Summary summary, String fallbackTitle) {
    StringBuilder b = new StringBuilder();
    b.append("## ").append(Markdown.escape(title(story, fallbackTitle))).append("\n\n");
    b.append('*')
        .append(id(story))
        .append(" · ")
        .append(story.articles().size())
        .append(story.articles().size() == 1 ? " article" : " articles");
    if (story.firstSeen() != null) {
      b.append(" · ").append(story.firstSeen());
      if (!story.lastSeen().equals(story.firstSeen())) {
        b.append(" – ").append(story.lastSeen());
      }
    }
    if (!story.outlets().isEmpty()) {
      b.append(" · ").append(String.join(", ", story.outlets()));
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
