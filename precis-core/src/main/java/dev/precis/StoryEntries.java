package dev.precis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.format.EventSummary;
import dev.precis.format.StoryFormat;
import dev.precis.model.Article;
import dev.precis.story.Story;
import dev.precis.story.StoryArticle;
import dev.precis.story.StoryEvent;
import dev.precis.summarize.Summary;
import dev.precis.summarize.SummaryOptions;
import dev.precis.text.Words;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The output entries of one finished story, summarized and rendered as the {@code stories} command
 * writes them: one entry per event ({@code byEvent}, for a story of several events) or one per
 * story. Shared by the command and the Spark job, so both write the same lines.
 *
 * <pre>{@code
 * for (StoryEntries.Entry e : StoryEntries.of(precis, story, canonical, options, fmt, true)) {
 *   writer.write(e.rendered());
 * }
 * }</pre>
 */
public final class StoryEntries {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoryEntries() {}

  /**
   * One written entry.
   *
   * @param id its id as written ({@code e3} for an event of a story of several, else {@code s2})
   * @param story the entry's articles and events (one event for an event entry)
   * @param texts the canonical articles it was summarized over
   * @param summary its summary, or {@code null} for a story of several events (see {@code events})
   *     or one without text
   * @param events the per-event summaries of a story of several events, else empty
   * @param rendered the entry in the output format, ending with a newline
   */
  public record Entry(
      String id,
      Story story,
      List<Article> texts,
      Summary summary,
      List<EventSummary> events,
      String rendered) {
    public Entry {
      texts = List.copyOf(texts);
      events = List.copyOf(events);
    }
  }

  /**
   * The entries of a story: with {@code byEvent} and several events, one per event (each linked to
   * the story), else one for the story.
   *
   * @param canonical the texts of the story's canonical members (any order)
   */
  public static List<Entry> of(
      Precis precis,
      Story story,
      List<Article> canonical,
      SummaryOptions options,
      StoryFormat fmt,
      boolean byEvent) {
    List<Entry> out = new ArrayList<>();
    if (byEvent && story.events().size() > 1) {
      // one entry per event: what happened, where and when, each with its own summary
      for (StoryEvent event : story.events()) {
        out.add(event(precis, story, event, canonical, options, fmt));
      }
      return out;
    }
    String id = StoryFormat.id(story);
    if (story.events().size() > 1 && !canonical.isEmpty()) {
      // a story of several events: each summarized on its own, in time order
      String fallback = Words.firstWords(canonical.get(0).text(), 12);
      List<EventSummary> events = summarizeEvents(precis, story, canonical, options);
      out.add(
          new Entry(id, story, canonical, null, events, fmt.renderEvents(story, events, fallback)));
      return out;
    }
    Summary summary = summarize(precis, canonical, options);
    out.add(
        new Entry(
            id, story, canonical, summary, List.of(), render(fmt, story, summary, canonical)));
    return out;
  }

  /**
   * The cited summary of canonical articles, computed over at most {@link
   * StoryPipeline#MAX_SUMMARY_ARTICLES} of them evenly spread over their order; {@code null} if
   * none.
   */
  public static Summary summarize(Precis precis, List<Article> canonical, SummaryOptions options) {
    return canonical.isEmpty()
        ? null
        : precis.summarizeArticles(StoryPipeline.spread(canonical), options);
  }

  /**
   * The summaries of a story's events, in the story's (time) order, each over that event's own
   * canonical articles (at most {@link StoryPipeline#MAX_SUMMARY_ARTICLES}, spread): no summary
   * mixes two events. An event without text gets a {@code null} summary.
   */
  public static List<EventSummary> summarizeEvents(
      Precis precis, Story story, List<Article> canonical, SummaryOptions options) {
    java.util.Map<String, Article> byId = new java.util.HashMap<>();
    for (Article a : canonical) {
      byId.put(a.id(), a);
    }
    List<EventGroup> groups = new ArrayList<>();
    for (StoryEvent e : story.events()) {
      List<Article> mine = new ArrayList<>();
      for (String id : e.articleIds()) {
        if (byId.containsKey(id)) {
          mine.add(byId.get(id));
        }
      }
      groups.add(new EventGroup(e, story.id(), StoryPipeline.spread(mine)));
    }
    List<EventSummary> out = new ArrayList<>();
    for (EventSummary es : precis.summarizeEvents(groups, options)) {
      out.add(es.summary().articles().isEmpty() ? new EventSummary(es.event(), null) : es);
    }
    return out;
  }

  /** One event of a story of several as an entry of its own, linked to the story. */
  private static Entry event(
      Precis precis,
      Story story,
      StoryEvent event,
      List<Article> canonical,
      SummaryOptions options,
      StoryFormat fmt) {
    Set<String> members = new HashSet<>(event.articleIds());
    List<StoryArticle> articles = new ArrayList<>();
    Instant first = null;
    Instant last = null;
    for (StoryArticle a : story.articles()) {
      if (members.contains(a.id())) {
        articles.add(a);
        if (a.published() != null) {
          first = first == null || a.published().isBefore(first) ? a.published() : first;
          last = last == null || a.published().isAfter(last) ? a.published() : last;
        }
      }
    }
    Story single = new Story(event.id(), articles, first, last, List.of(event));
    List<Article> texts = canonical.stream().filter(a -> members.contains(a.id())).toList();
    Summary summary = summarize(precis, texts, options);
    String rendered = render(fmt, single, summary, texts);
    String id = "e" + event.id();
    if (fmt == StoryFormat.JSONL) {
      try {
        ObjectNode o = (ObjectNode) JSON.readTree(rendered);
        o.put("id", id);
        o.put("story", StoryFormat.id(story));
        o.put("story_title", story.title());
        rendered = o.toString() + "\n";
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else if (fmt == StoryFormat.MARKDOWN) {
      // the byline names the entry as an event and the story it belongs to
      rendered =
          rendered.replace(
              "*" + StoryFormat.id(single) + " · ",
              "*" + id + " · story " + StoryFormat.id(story) + " · ");
    }
    return new Entry(id, single, texts, summary, List.of(), rendered);
  }

  private static String render(StoryFormat fmt, Story story, Summary summary, List<Article> texts) {
    return fmt.render(story, summary, fallbackTitle(summary, texts));
  }

  private static String fallbackTitle(Summary summary, List<Article> texts) {
    if (summary != null && !summary.sentences().isEmpty()) {
      return Words.firstWords(summary.sentences().get(0).text(), 12);
    }
    return texts.isEmpty() ? null : Words.firstWords(texts.get(0).text(), 12);
  }
}
