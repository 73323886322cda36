package dev.precis.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.Precis;
import dev.precis.StoryEntries;
import dev.precis.format.EventSummary;
import dev.precis.format.FactSheetFormat;
import dev.precis.format.StoryFormat;
import dev.precis.model.Article;
import dev.precis.model.Citation;
import dev.precis.story.Story;
import dev.precis.story.StoryArticle;
import dev.precis.story.StoryEvent;
import dev.precis.summarize.Summary;
import dev.precis.summarize.SummaryOptions;
import dev.precis.summarize.SummarySentence;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Turns the members of one story, as grouped across the cluster, back into the library's {@link
 * Story} and summarizes it exactly as the command line does ({@link StoryEntries}): same ids, same
 * events in the same order, same summaries for the same groups. Runs on an executor, one story at a
 * time.
 */
final class StoryAssembly {
  private static final Precis PRECIS = Precis.defaults();
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoryAssembly() {}

  /**
   * One article of a story.
   *
   * @param article the article (its text only when canonical)
   * @param duplicateOf input order of the canonical article it copies, or -1
   * @param day epoch day of its event ({@link Long#MIN_VALUE} when unknown)
   * @param headline its event's headline
   */
  record Member(
      long story, long event, ArticleRecord article, long duplicateOf, long day, String headline)
      implements Serializable {}

  /** An article's group, as written to {@code article_groups}. */
  record GroupRow(long seq, String id, long event, long story, String duplicateOf)
      implements Serializable {}

  /** An event, as written to {@code events}. */
  record EventRow(long event, long story, LocalDate day, String headline, List<String> articleIds)
      implements Serializable {}

  /** A story, as written to {@code stories}. */
  record StoryRow(
      long story,
      String title,
      Instant firstSeen,
      Instant lastSeen,
      List<Long> events,
      List<String> articleIds)
      implements Serializable {}

  /**
   * One output entry (an event of a story of several, with {@code --group event}, else a story):
   * its JSON line, summary with citations and fact sheet.
   */
  record EntryRow(
      long story, int index, String id, String line, String summary, String citations, String facts)
      implements Serializable {}

  /** What one story gives; one field is set. */
  record Part(GroupRow group, EventRow event, StoryRow story, EntryRow entry)
      implements Serializable {}

  /** Where each article ends up: story, event, original and its event's day and headline. */
  static final StructType MEMBERSHIP =
      new StructType()
          .add("seq", DataTypes.LongType, false)
          .add("story", DataTypes.LongType, false)
          .add("event", DataTypes.LongType, false)
          .add("duplicate_of", DataTypes.LongType, false)
          .add("day", DataTypes.LongType, false)
          .add("headline", DataTypes.StringType);

  /** The rows {@link #assembleAll} reads: the article's columns, then its membership. */
  static final Column[] MEMBER_COLUMNS =
      Stream.concat(
              Arrays.stream(ArticleRecord.SCHEMA.fieldNames()).limit(ArticleRecord.FEATURES_AT),
              Stream.of("story", "event", "duplicate_of", "day", "headline"))
          .map(functions::col)
          .toArray(Column[]::new);

  /**
   * Assembles every story of a partition whose rows ({@link #MEMBER_COLUMNS}) come sorted by story,
   * one story at a time: only one story's articles are held at once.
   */
  static Iterator<Part> assembleAll(
      Iterator<Row> rows, SummaryOptions options, boolean byEvent, boolean withFacts) {
    int storyAt = ArticleRecord.FEATURES_AT;
    return new Iterator<>() {
      private Row pending;
      private Iterator<Part> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (pending == null && !rows.hasNext()) {
            return false;
          }
          Row first = pending != null ? pending : rows.next();
          pending = null;
          long story = first.getLong(storyAt);
          List<Member> members = new ArrayList<>();
          members.add(member(first));
          while (rows.hasNext()) {
            Row r = rows.next();
            if (r.getLong(storyAt) != story) {
              pending = r;
              break;
            }
            members.add(member(r));
          }
          current = assemble(story, members, options, byEvent, withFacts).iterator();
        }
        return true;
      }

      @Override
      public Part next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  private static Member member(Row r) {
    int at = ArticleRecord.FEATURES_AT;
    ArticleRecord a = ArticleRecord.fromRow(r);
    long duplicateOf = r.getLong(at + 2);
    if (duplicateOf >= 0) {
      a = a.withoutText(); // a copy's text is never summarized
    }
    return new Member(
        r.getLong(at), r.getLong(at + 1), a, duplicateOf, r.getLong(at + 3), r.getString(at + 4));
  }

  static List<Part> assemble(
      long storyNo,
      Iterable<Member> members,
      SummaryOptions options,
      boolean byEvent,
      boolean withFacts) {
    List<Member> sorted = new ArrayList<>();
    members.forEach(sorted::add);
    sorted.sort(Comparator.comparingLong(m -> m.article().seq()));
    // ids name articles in the output: a repeated one (the same id in two inputs) is made unique
    Map<Long, String> idOf = new HashMap<>();
    Set<String> used = new HashSet<>();
    for (Member m : sorted) {
      String id = m.article().id();
      idOf.put(m.article().seq(), used.add(id) ? id : id + "@" + m.article().seq());
    }
    List<StoryArticle> articles = new ArrayList<>();
    List<Article> canonical = new ArrayList<>();
    Map<Long, List<String>> eventIds = new LinkedHashMap<>();
    Map<Long, Member> eventMeta = new HashMap<>();
    List<Part> out = new ArrayList<>();
    Instant first = null;
    Instant last = null;
    for (Member m : sorted) {
      String id = idOf.get(m.article().seq());
      String dup = m.duplicateOf() < 0 ? null : idOf.get(m.duplicateOf());
      Article a = m.article().article(id);
      articles.add(StoryArticle.of(a, dup));
      if (dup == null && a.text() != null && !a.text().isBlank()) {
        canonical.add(a);
      }
      if (a.published() != null) {
        first = first == null || a.published().isBefore(first) ? a.published() : first;
        last = last == null || a.published().isAfter(last) ? a.published() : last;
      }
      eventIds.computeIfAbsent(m.event(), k -> new ArrayList<>()).add(id);
      eventMeta.putIfAbsent(m.event(), m);
      out.add(
          new Part(new GroupRow(m.article().seq(), id, m.event(), storyNo, dup), null, null, null));
    }
    List<StoryEvent> events = new ArrayList<>();
    for (Map.Entry<Long, List<String>> e : eventIds.entrySet()) {
      Member meta = eventMeta.get(e.getKey());
      LocalDate day = meta.day() == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(meta.day());
      events.add(new StoryEvent(e.getKey(), e.getValue(), day, meta.headline()));
    }
    // as the clusterer hands them out: in time order, undated last, then by number
    events.sort(
        Comparator.comparing(StoryEvent::day, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(StoryEvent::id));
    Story story = new Story(storyNo, articles, first, last, events);
    List<Long> eventNumbers = new ArrayList<>();
    for (StoryEvent e : events) {
      eventNumbers.add(e.id());
      out.add(
          new Part(
              null,
              new EventRow(e.id(), storyNo, e.day(), e.headline(), e.articleIds()),
              null,
              null));
    }
    out.add(
        new Part(
            null,
            null,
            new StoryRow(storyNo, story.title(), first, last, eventNumbers, story.articleIds()),
            null));
    List<StoryEntries.Entry> entries =
        StoryEntries.of(PRECIS, story, canonical, options, StoryFormat.JSONL, byEvent);
    for (int i = 0; i < entries.size(); i++) {
      StoryEntries.Entry e = entries.get(i);
      out.add(
          new Part(
              null,
              null,
              null,
              new EntryRow(
                  storyNo,
                  i,
                  e.id(),
                  e.rendered(),
                  summaryText(e),
                  citations(e),
                  withFacts ? facts(e.texts()) : null)));
    }
    return out;
  }

  private static String summaryText(StoryEntries.Entry e) {
    if (e.summary() != null) {
      return e.summary().text();
    }
    List<String> parts = new ArrayList<>();
    for (EventSummary es : e.events()) {
      if (es.summary() != null) {
        parts.add(es.summary().text());
      }
    }
    return parts.isEmpty() ? null : String.join("\n", parts);
  }

  /** Summary sentences with their sources: article id and character offsets into its text. */
  private static String citations(StoryEntries.Entry e) {
    ArrayNode sentences = JSON.createArrayNode();
    List<Summary> summaries = new ArrayList<>();
    if (e.summary() != null) {
      summaries.add(e.summary());
    }
    for (EventSummary es : e.events()) {
      if (es.summary() != null) {
        summaries.add(es.summary());
      }
    }
    for (Summary s : summaries) {
      for (SummarySentence sentence : s.sentences()) {
        ObjectNode o = sentences.addObject();
        o.put("text", sentence.text());
        ArrayNode sources = o.putArray("sources");
        for (Citation c : sentence.citations()) {
          sources
              .addObject()
              .put("article", s.articles().get(c.document()).id())
              .put("start", c.start())
              .put("end", c.end());
        }
      }
    }
    return sentences.toString();
  }

  private static String facts(List<Article> texts) {
    if (texts.isEmpty()) {
      return null;
    }
    List<Article> spread = dev.precis.StoryPipeline.spread(texts);
    return FactSheetFormat.toJson(PRECIS.facts(PRECIS.split(spread))).toString();
  }
}
